import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { updateNotice } from "@/lib/notices/writeNotice";
import { newAttachments, noticeFormSchema, noticeFromForm } from "@/lib/notices/noticeForm";

const noticeIdPattern = /^[A-Za-z0-9_-]{1,40}$/;

/** The next revision of a draft: its text, new attachments, and the ones to remove. */
export const POST = formRoute({
  schema: noticeFormSchema({
    id: z.string().regex(noticeIdPattern),
    expectedVersion: z.coerce.number().int().positive(),
  }),
  actor: "staff",
  // more than a notice takes is refused by the form, with the field named
  files: { fields: ["attachments"], maxCount: 30 },
  back: (fields) =>
    noticeIdPattern.test(fields.id ?? "") ? `/staff/notices/${fields.id}` : "/staff/notices",
  run: async ({ input, actor, formData, files }) => {
    await updateNotice({
      actor,
      noticeId: input.id,
      expectedVersion: input.expectedVersion,
      notice: noticeFromForm(input, formData),
      files: newAttachments(files),
      removeAttachments: formData
        .getAll("removeAttachments")
        .filter((v): v is string => typeof v === "string"),
    });
    return `/staff/notices/${input.id}?saved=1`;
  },
});
