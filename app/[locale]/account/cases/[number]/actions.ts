"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import type { TSessionUser } from "@/lib/auth/types";
import { withdrawApplication } from "@/lib/cases/withdrawApplication";
import { rateCase, ZRating } from "@/lib/cases/rateCase";
import { appealFollowUp, ZAppeal } from "@/lib/cases/followUp";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

const ZWithdrawal = z.object({
  trackingNumber: z.string().regex(serviceCaseNumberPattern),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().max(500, "tooLongMax|500").optional(),
});
// a citizen whose session has ended signs in and comes back to the case
const casePage = (formData: FormData, locale: string) => {
  const number = formData.get("trackingNumber");
  return typeof number === "string" && serviceCaseNumberPattern.test(number)
    ? `/${locale}/account/cases/${number}`
    : `/${locale}/account`;
};

/**
 * A citizen's step on their own case (`step`, given what the form sent), after which the case page
 * says what was `done`.
 */
const caseAction = <S extends z.ZodType<{ trackingNumber: string }>>(
  schema: S,
  step: (input: { actor: TSessionUser } & z.infer<S>) => Promise<unknown>,
  done: string,
) =>
  formAction({
    schema,
    actor: "citizen",
    returnTo: casePage,
    run: async ({ input, actor, locale }) => {
      await step({ actor, ...input });
      redirect(`/${locale}/account/cases/${input.trackingNumber}?done=${done}`);
    },
  });

export const withdrawCase = caseAction(ZWithdrawal, withdrawApplication, "withdrawn");

export const rateOwnCase = caseAction(ZRating, rateCase, "rated");

export const appealOwnFollowUp = caseAction(ZAppeal, appealFollowUp, "appealed");
