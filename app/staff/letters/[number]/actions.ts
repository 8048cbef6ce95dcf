"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { applyLetterStep } from "@/lib/letters/applyLetterStep";
import { letterNumberPattern, letterRatings } from "@/lib/letters/kinds";
import { letterStepNames, type TLetterStep } from "@/lib/letters/letterWorkflow";
import { lineField, textField } from "@/lib/shared/plainText";

const ZStep = z.object({
  number: z.string().regex(letterNumberPattern),
  step: z.enum(letterStepNames as [TLetterStep, ...TLetterStep[]]),
  expectedVersion: z.coerce.number().int().positive(),
  reason: textField().max(2000, "tooLongMax|2000").optional(),
  department: z.string().max(20).optional(),
  duplicateOf: z.string().max(30).optional(),
  replyText: textField().max(10000, "tooLongMax|10000").optional(),
  publicSubject: lineField().max(100, "tooLongMax|100").optional(),
  publicContent: textField().max(5000, "tooLongMax|5000").optional(),
  publicReply: textField().max(10000, "tooLongMax|10000").optional(),
  rating: z.enum(letterRatings, { message: "choose" }).optional(),
});

/** A handler's or supervisor's step on a letter (letterWorkflow), from its staff page. */
export const letterStepAction = formAction({
  schema: ZStep,
  actor: "staff",
  run: async ({ input, actor }) => {
    await applyLetterStep({ ...input, actor });
    redirect(`/staff/letters/${input.number}?done=${input.step}`);
  },
});
