import { formRoute } from "@/lib/actions/formRoute";
import { keptValues } from "@/lib/actions/formAction";
import { keepNoticePreview, noticeFormPage, ZNoticePreviewPost } from "@/lib/notices/previewNotice";

/**
 * The notice form's 预览 button (no JavaScript needed): back to the form with everything typed and
 * the body rendered; the attachments chosen are not kept (the page says so).
 */
export const POST = formRoute({
  schema: ZNoticePreviewPost,
  actor: "staff",
  files: { fields: ["attachments"], maxCount: 30 },
  back: (fields) => noticeFormPage(fields.id),
  run: ({ input, actor, formData }) =>
    keepNoticePreview({ actor, id: input.id, values: keptValues(formData) }),
});
