"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { createConsultation, saveFeedback, updateConsultation } from "@/lib/consultations/writeConsultation";
import { applyConsultationStep } from "@/lib/consultations/applyConsultationStep";
import { moderateComment } from "@/lib/consultations/comments";
import { ZConsultationInput, ZFeedbackInput, ZModeration } from "@/lib/consultations/schema";

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

export const editConsultation = formAction({
  schema: ZConsultationInput.extend(ZTarget.shape),
  actor: "staff",
  run: async ({ input, actor }) => {
    const { id, expectedVersion, ...consultation } = input;
    await updateConsultation({ actor, consultationId: id, expectedVersion, consultation });
    redirect(`/staff/consultations/${id}?saved=1`);
  },
});

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

export const writeFeedback = formAction({
  schema: ZFeedbackInput.extend(ZTarget.shape),
  actor: "staff",
  run: async ({ input, actor }) => {
    const { id, expectedVersion, ...feedback } = input;
    await saveFeedback({ actor, consultationId: id, expectedVersion, feedback });
    redirect(`/staff/consultations/${id}?saved=1#feedback-form`);
  },
});
