"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { takeCaseStep } from "@/lib/cases/takeCaseStep";
import { addInternalNote, assignCase, claimCase } from "@/lib/cases/staffCases";
import { caseStepNames, type TCaseStep } from "@/lib/cases/caseWorkflow";
import { trackingNumberPattern } from "@/lib/cases/schema";

const ZNumber = z.string().regex(trackingNumberPattern);
const backToCase = (trackingNumber: string, done: string) =>
  redirect(`/staff/cases/${trackingNumber}?done=${done}`);

/** A caseworker's step on a case; 办结 brings its result file. */
export const caseStepAction = formAction({
  schema: z.object({
    trackingNumber: ZNumber,
    step: z.enum(caseStepNames as [TCaseStep, ...TCaseStep[]]),
    expectedVersion: z.coerce.number().int().positive(),
    reason: z.string().trim().max(1000, "tooLongMax|1000").optional(),
    missing: z.string().max(4000, "tooLongMax|4000").optional(),
  }),
  actor: "staff",
  run: async ({ input, actor, formData }) => {
    const file = formData.get("resultFile");
    await takeCaseStep({
      ...input,
      actor,
      // one missing item per line: the full list, given once
      missing: input.missing?.split(/\r?\n/),
      resultFile: file instanceof File ? file : null,
    });
    backToCase(input.trackingNumber, input.step);
  },
});

export const noteCase = formAction({
  schema: z.object({
    trackingNumber: ZNumber,
    note: z.string().trim().min(1, "required").max(2000, "tooLongMax|2000"),
  }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await addInternalNote({ actor, trackingNumber: input.trackingNumber, note: input.note });
    backToCase(input.trackingNumber, "note");
  },
});

export const claimOwnCase = formAction({
  schema: z.object({ trackingNumber: ZNumber }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await claimCase({ actor, trackingNumber: input.trackingNumber });
    backToCase(input.trackingNumber, "claim");
  },
});

export const assignOtherCase = formAction({
  schema: z.object({ trackingNumber: ZNumber, assigneeId: z.string().min(1, "choose").max(40) }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await assignCase({ actor, trackingNumber: input.trackingNumber, assigneeId: input.assigneeId });
    backToCase(input.trackingNumber, "assign");
  },
});
