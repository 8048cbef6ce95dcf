import "server-only";
import { z } from "zod";
import { FormError } from "../shared/errors";
import { parseChinaDateTime } from "../shared/chinaTime";
import { parseScopeValues } from "./scope";
import { ZNoticeInput, type TNoticeInput } from "./writeNotice";

/** A time of day on the 24-hour clock, as typed: 9:30, 09:30 or 09:30:15. */
const timePattern = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The moment the form's date and 24-hour time fields name, as a datetime-local string
 * (`2026-12-01T09:30`), or null when the time is not a 24-hour time. A date that already carries
 * its time (the former single field, scripts) is taken as it is.
 */
export function joinDateTime(date: string, time: string | undefined): string | null {
  const day = date.trim();
  if (day.includes("T")) return day;
  const match = timePattern.exec((time ?? "").trim());
  if (!match) return null;
  const [, hour, minute, second] = match;
  return `${day}T${hour.padStart(2, "0")}:${minute}${second ? `:${second}` : ""}`;
}

/** The editor's form as posted (strings): a date and a 24-hour time for publication and expiry. */
const ZNoticeFormFields = ZNoticeInput.pick({
  title: true,
  titleEn: true,
  body: true,
  category: true,
  source: true,
}).extend({
  publishAt: z.string().trim().max(30),
  publishAtTime: z.string().trim().max(10).optional().default(""),
  expiresAt: z.string().trim().max(30).optional().default(""),
  expiresAtTime: z.string().trim().max(10).optional().default(""),
  pinned: z.literal("on").optional(),
  urgent: z.literal("on").optional(),
});

/**
 * The notice form's schema (with `extra` fields for an edit): each moment checked where it was
 * typed — a time that is not on the 24-hour clock on the time field, an impossible date on the
 * date field; an expiry left empty means none.
 */
export function noticeFormSchema<T extends z.ZodRawShape>(extra: T) {
  return ZNoticeFormFields.extend(extra).superRefine((posted, context) => {
    const form = posted as unknown as TNoticeForm;
    const moments = [
      ["publishAt", form.publishAt, form.publishAtTime],
      ["expiresAt", form.expiresAt, form.expiresAtTime],
    ] as const;
    for (const [field, date, time] of moments) {
      if (field === "expiresAt" && !date) continue;
      const joined = joinDateTime(date, time);
      if (joined === null)
        context.addIssue({ code: "custom", path: [`${field}Time`], message: "timeInvalid" });
      else if (parseChinaDateTime(joined) === null)
        context.addIssue({ code: "custom", path: [field], message: "dateTimeInvalid" });
    }
  });
}

export const ZNoticeForm = noticeFormSchema({});
type TNoticeForm = z.infer<typeof ZNoticeFormFields>;

/** The notice the editor's form describes: its strings, the moments, and the places ticked (`scope`). */
export function noticeFromForm(form: TNoticeForm, formData: FormData): TNoticeInput {
  const scope = parseScopeValues(formData.getAll("scope").filter((v): v is string => typeof v === "string"));
  if (!scope) throw new FormError("choose", "scope");
  const expires = form.expiresAt ? joinDateTime(form.expiresAt, form.expiresAtTime) : null;
  return {
    title: form.title,
    titleEn: form.titleEn,
    body: form.body,
    category: form.category,
    source: form.source,
    scope,
    publishAt: parseChinaDateTime(joinDateTime(form.publishAt, form.publishAtTime)!)!,
    expiresAt: expires ? parseChinaDateTime(expires) : null,
    pinned: form.pinned === "on",
    urgent: form.urgent === "on",
  };
}

/** A notice takes at most ten new attachments at a time. */
export function newAttachments<T>(files: T[]): T[] {
  if (files.length > 10) throw new FormError("tooManyChoices|10", "attachments");
  return files;
}
