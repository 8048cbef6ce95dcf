import "server-only";
import { z } from "zod";
import { FormError } from "../shared/errors";
import { parseChinaDateTime } from "../shared/chinaTime";
import { parseScopeValues } from "./scope";
import { ZNoticeInput, type TNoticeInput } from "./writeNotice";

const ZDateTime = z
  .string()
  .trim()
  .refine((value) => parseChinaDateTime(value) !== null, "dateTimeInvalid");

/** The editor's form as posted (strings); the scope boxes and the files are read apart. */
export const ZNoticeForm = ZNoticeInput.pick({
  title: true,
  titleEn: true,
  body: true,
  category: true,
  source: true,
}).extend({
  publishAt: ZDateTime,
  expiresAt: z.union([z.literal(""), ZDateTime]).default(""),
  pinned: z.literal("on").optional(),
});

/** The notice the editor's form describes: its strings, and the places ticked (`scope`). */
export function noticeFromForm(form: z.infer<typeof ZNoticeForm>, formData: FormData): TNoticeInput {
  const scope = parseScopeValues(formData.getAll("scope").filter((v): v is string => typeof v === "string"));
  if (!scope) throw new FormError("choose", "scope");
  return {
    ...form,
    scope,
    publishAt: parseChinaDateTime(form.publishAt)!,
    expiresAt: form.expiresAt ? parseChinaDateTime(form.expiresAt) : null,
    pinned: form.pinned === "on",
  };
}

/** A notice takes at most ten new attachments at a time. */
export function newAttachments<T>(files: T[]): T[] {
  if (files.length > 10) throw new FormError("tooManyChoices|10", "attachments");
  return files;
}
