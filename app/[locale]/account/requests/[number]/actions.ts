"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireCitizen } from "@/lib/auth/session";
import { applyRequestStep } from "@/lib/disclosure/applyRequestStep";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

const ZApplicantStep = z.object({
  locale: z.string().transform((v) => (isLocale(v) ? v : defaultLocale)),
  trackingNumber: z.string().regex(/^GK\d{14}$/),
  expectedVersion: z.coerce.number().int().positive(),
  step: z.enum(["correct", "withdraw"]),
  reason: z.string().trim().max(4000, "tooLongMax|4000").optional(),
});

const applicantStep = formAction(ZApplicantStep, async (input) => {
  const actor = await requireCitizen(
    input.locale,
    `/${input.locale}/account/requests/${input.trackingNumber}`,
  );
  await applyRequestStep({
    actor,
    trackingNumber: input.trackingNumber,
    step: input.step,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
  });
  redirect(`/${input.locale}/account/requests/${input.trackingNumber}?done=${input.step}`);
});

export async function applicantRequestStep(state: TFormState, formData: FormData): Promise<TFormState> {
  return applicantStep(state, formData);
}
