"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { takeRequestStep } from "@/lib/disclosure/takeRequestStep";
import { requestNumberPattern } from "@/lib/disclosure/schema";

const ZApplicantStep = z.object({
  trackingNumber: z.string().regex(requestNumberPattern),
  expectedVersion: z.coerce.number().int().positive(),
  step: z.enum(["correct", "withdraw"]),
  reason: z.string().trim().max(4000, "tooLongMax|4000").optional(),
});

/** The applicant's own steps on a request: send the corrected application (补正), or withdraw it. */
export const applicantRequestStep = formAction({
  schema: ZApplicantStep,
  actor: "citizen",
  returnTo: (formData, locale) => `/${locale}/account/requests/${formData.get("trackingNumber")}`,
  run: async ({ input: step, actor, locale }) => {
    await takeRequestStep({ ...step, actor });
    redirect(`/${locale}/account/requests/${step.trackingNumber}?done=${step.step}`);
  },
});
