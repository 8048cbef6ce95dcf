"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { createConsultation, saveFeedback, updateConsultation } from "@/lib/consultations/writeConsultation";
import { applyConsultationStep } from "@/lib/consultations/applyConsultationStep";
import { moderateComment } from "@/lib/consultations/comments";
import { ZConsultationInput, ZFeedbackInput, ZModeration } from "@/lib/consultations/schema";
import type { TSessionUser } from "@/lib/auth/types";

const ZTarget = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().positive(),
});

export const newConsultation = formAction({
  schema: ZConsultationInput,
  actor: "staff",
  run: async ({ input, actor }) => {
    const created = await createConsultation({ actor, consultation: input });
    redirect(`/staff/consultations/${created.id}?saved=1`);
  },
});

type TTarget = { actor: TSessionUser; consultationId: string; expectedVersion: number };

/**
 * A form that saves one part of a consultation (what it says, the feedback on its comments) at the
 * version the editor read; then the consultation's page (at `anchor`) says it was saved.
 */
function savePartAction<S extends z.ZodType<z.infer<typeof ZTarget>>>(
  schema: S,
  save: (target: TTarget, part: Omit<z.infer<S>, keyof typeof ZTarget.shape>) => Promise<unknown>,
  anchor = "",
) {
  return formAction({
    schema,
    actor: "staff",
    run: async ({ input, actor }) => {
      const { id, expectedVersion, ...part } = input;
      await save({ actor, consultationId: id, expectedVersion }, part);
      redirect(`/staff/consultations/${id}?saved=1${anchor}`);
    },
  });
}

export const editConsultation = savePartAction(
  ZConsultationInput.extend(ZTarget.shape),
  (target, consultation) => updateConsultation({ ...target, consultation }),
);

export const consultationStep = formAction({
  schema: ZTarget.extend({
    step: z.enum(["open", "close", "publishFeedback"]),
  }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await applyConsultationStep({
      actor,
      consultationId: input.id,
      step: input.step,
      expectedVersion: input.expectedVersion,
    });
    redirect(`/staff/consultations/${input.id}?done=${input.step}`);
  },
});

export const moderateConsultationComment = formAction({
  schema: ZModeration.extend({ id: z.string().min(1).max(40) }),
  actor: "staff",
  run: async ({ input, actor }) => {
    const { id, ...moderation } = input;
    await moderateComment({ actor, moderation });
    redirect(`/staff/consultations/${id}?moderated=1#moderation`);
  },
});

export const writeFeedback = savePartAction(
  ZFeedbackInput.extend(ZTarget.shape),
  (target, feedback) => saveFeedback({ ...target, feedback }),
  "#feedback-form",
);
