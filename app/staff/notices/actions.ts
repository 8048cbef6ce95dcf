"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { applyNoticeStep } from "@/lib/notices/applyNoticeStep";
import { noticeBodyPreview } from "@/lib/notices/previewNotice";
import { getSessionUser } from "@/lib/auth/session";

const ZStep = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().positive(),
  step: z.enum(["submit", "approve", "sendBack", "publishEmergency", "archive"]),
  comment: z.string().trim().max(1000, "tooLongMax|1000").optional(),
});
export const noticeStepAction = formAction({
  schema: ZStep,
  actor: "staff",
  run: async ({ input, actor }) => {
    await applyNoticeStep({
      actor,
      noticeId: input.id,
      step: input.step,
      expectedVersion: input.expectedVersion,
      comment: input.comment,
    });
    redirect(`/staff/notices/${input.id}?done=${input.step}`);
  },
});

/** The live preview beside the editor: the body rendered as residents will read it. */
export async function previewNoticeBody(body: string, topLevel: 3 | 4): Promise<string> {
  return noticeBodyPreview({ actor: await getSessionUser(), body, topLevel });
}
