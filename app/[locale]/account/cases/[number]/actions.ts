"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { withdrawApplication } from "@/lib/cases/withdrawApplication";
import { supplyMaterials } from "@/lib/cases/supplyMaterials";
import { rateCase, ZRating } from "@/lib/cases/rateCase";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

const ZLocale = z.string().transform((value) => (isLocale(value) ? value : defaultLocale));
const ZCaseForm = z.object({
  locale: ZLocale,
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
const backToCase = (input: { locale: string; trackingNumber: string }, done: string) =>
  redirect(`/${input.locale}/account/cases/${input.trackingNumber}?done=${done}`);

export const withdrawCase = formAction({
  schema: ZCaseForm.extend({ reason: z.string().trim().max(500, "tooLongMax|500").optional() }),
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor }) => {
    await withdrawApplication({ actor, ...input });
    backToCase(input, "withdrawn");
  },
});

export const supplyCase = formAction({
  schema: ZCaseForm.extend({ note: z.string().trim().max(500, "tooLongMax|500").optional() }),
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor, formData }) => {
    await supplyMaterials({
      actor,
      trackingNumber: input.trackingNumber,
      expectedVersion: input.expectedVersion,
      files: formData.getAll("files").filter((f): f is File => f instanceof File),
      note: input.note,
    });
    backToCase(input, "supplied");
  },
});

export const rateOwnCase = formAction({
  schema: ZRating.extend({ locale: ZLocale }),
  actor: "citizen",
  returnTo: casePage,
  run: async ({ input, actor }) => {
    await rateCase({
      actor,
      trackingNumber: input.trackingNumber,
      level: input.level,
      comment: input.comment,
    });
    backToCase(input, "rated");
  },
});
