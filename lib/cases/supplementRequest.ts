import { z } from "zod";
import { addWorkingDays, chinaDay } from "../calendar/workdays";

/**
 * How long the applicant has to answer a 补正 request, in working days from the day it was asked.
 * The 补正 notice states the date it ends, so the applicant can plan (the period most city guides
 * print; the same default as a disclosure request's 补正).
 */
export const supplementPeriodWorkingDays = 15;

/** The items of a 补正 request at most: one file input each on the applicant's page. */
export const supplementItemsMax = 20;

/** The form field of the upload answering item `index` of a 补正 list. */
export const supplementItemField = (index: number) => `item-${index}`;

/** The day a 补正 asked on `askedAt` is due (Beijing calendar, working days). */
export function supplementDue(askedAt: Date): string {
  return addWorkingDays(chinaDay(askedAt), supplementPeriodWorkingDays).due;
}

const ZRequestData = z.object({ missing: z.array(z.string()), due: z.string().optional() });

export type TSupplementRequest = { items: string[]; due: string; askedAt: Date };

/**
 * The 补正 the applicant has to answer, read from the case's timeline: the latest 补正 request's
 * items and deadline (a request recorded before deadlines were stored is due a period after it
 * was asked). Null when nothing was asked.
 */
export function openSupplementRequest(
  events: { kind: string; data: unknown; createdAt: Date }[],
): TSupplementRequest | null {
  const asked = events.filter((event) => event.kind === "requestSupplement").at(-1);
  if (!asked) return null;
  const parsed = ZRequestData.safeParse(asked.data);
  const items = parsed.success ? parsed.data.missing : [];
  const due = parsed.success && parsed.data.due ? parsed.data.due : supplementDue(asked.createdAt);
  return { items, due, askedAt: asked.createdAt };
}

/**
 * The applicant's answer to a 补正 list: which uploaded form fields answer which item. Every item
 * needs its own file; the errors name the item's field so the page marks the right input.
 */
export function filesForItems<F extends { field: string; size: number }>(
  items: string[],
  files: F[],
): { ok: true; answers: { item: string; files: F[] }[] } | { ok: false; missing: string[] } {
  const answers = items.map((item, index) => ({
    item,
    files: files.filter((file) => file.field === supplementItemField(index) && file.size > 0),
  }));
  const missing = answers
    .map((answer, index) => (answer.files.length ? null : supplementItemField(index)))
    .filter((field): field is string => field !== null);
  return missing.length ? { ok: false, missing } : { ok: true, answers };
}
