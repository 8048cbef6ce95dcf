"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { takeRequestStep } from "@/lib/disclosure/takeRequestStep";
import { requestNumberPattern } from "@/lib/disclosure/schema";
import { requestStepNames, type TRequestStep } from "@/lib/disclosure/requestWorkflow";

const ZStep = z.object({
  trackingNumber: z.string().regex(requestNumberPattern),
  step: z.enum(requestStepNames as [TRequestStep, ...TRequestStep[]]),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().max(2000, "tooLongMax|2000").optional(),
  missing: z.string().max(4000, "tooLongMax|4000").optional(),
  days: z
    .string()
    .regex(/^\d{0,2}$/, "numberFormat")
    .optional(),
  outcome: z.string().max(60).optional(),
  legalBasis: z.string().trim().max(1000, "tooLongMax|1000").optional(),
  replyText: z.string().trim().max(10000, "tooLongMax|10000").optional(),
});

/** An officer's (or, for an extension, a supervisor's) step on a request; a reply brings its files. */
export const requestStepAction = formAction({
  schema: ZStep,
  actor: "staff",
  run: async ({ input, actor, formData }) => {
    // the reply outcome is sent as "CATEGORY" or "CATEGORY:SUB"
    const [outcome, outcomeSub] = (input.outcome ?? "").split(":");
    await takeRequestStep({
      ...input,
      actor,
      missing: input.missing?.split(/\r?\n/),
      days: input.days ? Number(input.days) : undefined,
      outcome: outcome || undefined,
      outcomeSub: outcomeSub || null,
      replyFiles: formData.getAll("replyFiles").filter((f): f is File => f instanceof File),
    });
    redirect(`/staff/requests/${input.trackingNumber}?done=${input.step}`);
  },
});
