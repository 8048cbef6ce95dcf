import { formRoute } from "@/lib/actions/formRoute";
import { createNotice } from "@/lib/notices/writeNotice";
import { newAttachments, noticeFromForm, ZNoticeForm } from "@/lib/notices/noticeForm";

/** A new notice draft with its attachments. */
export const POST = formRoute({
  schema: ZNoticeForm,
  actor: "staff",
  // more than a notice takes is refused by the form, with the field named
  files: { fields: ["attachments"], maxCount: 30 },
  back: () => "/staff/notices/new",
  run: async ({ input, actor, formData, files }) => {
    const notice = await createNotice({
      actor,
      notice: noticeFromForm(input, formData),
      files: newAttachments(files),
    });
    return `/staff/notices/${notice.id}?saved=1`;
  },
});
