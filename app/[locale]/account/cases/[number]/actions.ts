"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { withdrawApplication } from "@/lib/cases/withdrawApplication";
import { rateCase, ZRating } from "@/lib/cases/rateCase";
import { appealFollowUp, ZAppeal } from "@/lib/cases/followUp";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

const ZCaseForm = z.object({
  trackingNumber: z.string().regex(serviceCaseNumberPattern),
  expectedVersion: z.coerce.number().int().positive(),
});
// a citizen whose session has ended signs in and comes back to the case
const casePage = (formData: FormData, locale: string) => {
  const number = formData.get("trackingNumber");
  return typeof number === "string" && serviceCaseNumberPattern.test(number)
    ? `/${locale}/account/cases/${number}`
    : `/${locale}/account`;
};
const backToCase = (locale: string, trackingNumber: string, done: string) =>
  redirect(`/${locale}/account/cases/${trackingNumber}?done=${done}`);

export const withdrawCase = formAction({
  schema: ZCaseForm.extend({ reason: z.string().trim().max(500, "tooLongMax|500").optional() }),
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor, locale }) => {
    await withdrawApplication({ actor, ...input });
    backToCase(locale, input.trackingNumber, "withdrawn");
  },
});

export const rateOwnCase = formAction({
  schema: ZRating,
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor, locale }) => {
    await rateCase({ actor, ...input });
    backToCase(locale, input.trackingNumber, "rated");
  },
});

export const appealOwnFollowUp = formAction({
  schema: ZAppeal,
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor, locale }) => {
    await appealFollowUp({ actor, ...input });
    backToCase(locale, input.trackingNumber, "appealed");
  },
});
