"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, keptValues } from "@/lib/actions/formAction";
import { applyNoticeStep, checkNoticeStep } from "@/lib/notices/applyNoticeStep";
import { noticeWorkflow } from "@/lib/notices/noticeWorkflow";
import { askToConfirm, needsConfirmation } from "@/lib/workflow/confirmStep";
import { noticeBodyPreview } from "@/lib/notices/previewNotice";
import { getSessionUser } from "@/lib/auth/session";

const ZStep = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().positive(),
  step: z.enum(["submit", "approve", "sendBack", "publishEmergency", "archive"]),
  comment: z.string().trim().max(1000, "tooLongMax|1000").optional(),
  // sent by the confirmation page of 退回 and 归档
  confirmed: z.literal("1").optional(),
});
export const noticeStepAction = formAction({
  schema: ZStep,
  actor: "staff",
  run: async ({ input, actor, formData }) => {
    const step = {
      actor,
      noticeId: input.id,
      step: input.step,
      expectedVersion: input.expectedVersion,
      comment: input.comment,
    };
    // 退回 and 归档 are checked, then shown back on a second page; only its confirmation takes them
    if (needsConfirmation(noticeWorkflow.steps[input.step], input.confirmed)) {
      await checkNoticeStep(step);
      redirect(
        await askToConfirm({
          actor,
          values: keptValues(formData),
          page: `/staff/notices/${input.id}/confirm`,
        }),
      );
    }
    await applyNoticeStep(step);
    redirect(`/staff/notices/${input.id}?done=${input.step}`);
  },
});

/** The live preview beside the editor: the body rendered as residents will read it. */
export async function previewNoticeBody(body: string, topLevel: 3 | 4): Promise<string> {
  return noticeBodyPreview({ actor: await getSessionUser(), body, topLevel });
}
