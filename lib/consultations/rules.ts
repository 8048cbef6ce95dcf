import type { ConsultationKind } from "../db/generated/enums";

const day = 24 * 3600_000;
const chinaOffset = 8 * 3600_000;

/**
 * The shortest comment period of each kind, in calendar days.
 * - 重大行政决策 (MAJOR): 《重大行政决策程序暂行条例》第十四条 — "征求意见期限一般不少于30日".
 *   A draft 规章 is held to the same 30 days by 《规章制定程序条例》第十六条, so an editor puts a
 *   规章 out as MAJOR.
 * - any other draft (ORDINARY, mostly 行政规范性文件): 国办发〔2018〕37号 asks "一般不少于7个工作日";
 *   the portal enforces 7 calendar days as the floor, the common practice of city portals, and a
 *   department that counts working days sets a later closing day.
 */
const minimumPeriodDays: Record<ConsultationKind, number> = { MAJOR: 30, ORDINARY: 7 };

/** A comment's length limit, in characters. */
export const maxCommentLength = 2000;

/** "2026-12-01" (a China calendar day) → the instant that day starts in Beijing; null when malformed. */
export function chinaDayStart(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d) - chinaOffset);
  const back = new Date(date.getTime() + chinaOffset);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return date;
}

/** The China calendar day of an instant, as "YYYY-MM-DD". */
export function chinaDay(date: Date): string {
  return new Date(date.getTime() + chinaOffset).toISOString().slice(0, 10);
}

/** The start, in Beijing, of the day the instant falls on. */
export function startOfChinaDay(date: Date): Date {
  return chinaDayStart(chinaDay(date))!;
}

/**
 * The period a form's first and last days make: it opens as the first day starts and closes as
 * the last day ends (both days count, as 征求意见期限 are counted).
 */
export function periodOfDays(opensOn: string, closesOn: string): { opensAt: Date; closesAt: Date } | null {
  const opensAt = chinaDayStart(opensOn);
  const lastDay = chinaDayStart(closesOn);
  if (!opensAt || !lastDay) return null;
  return { opensAt, closesAt: new Date(lastDay.getTime() + day) };
}

/** The last day of a period (the day before it closes), as "YYYY-MM-DD". */
export function lastDayOf(closesAt: Date): string {
  return chinaDay(new Date(closesAt.getTime() - 1));
}

/** Whole days in a period, counting from the start of its first day. */
export function periodDays(opensAt: Date, closesAt: Date): number {
  return Math.floor((closesAt.getTime() - startOfChinaDay(opensAt).getTime()) / day);
}

/**
 * What is wrong with a period for this kind, as an errors-namespace key with its field, or null:
 * it closes after it opens, and lasts at least the kind's minimum.
 */
export function periodProblem(
  kind: ConsultationKind,
  opensAt: Date,
  closesAt: Date,
): { key: string; field: "closesOn" } | null {
  if (closesAt <= opensAt) return { key: "consultationClosesBeforeOpening", field: "closesOn" };
  const minimum = minimumPeriodDays[kind];
  if (periodDays(opensAt, closesAt) < minimum)
    return { key: `consultationPeriodTooShort|${minimum}`, field: "closesOn" };
  return null;
}

/** Comments are taken while the consultation is open and the server's clock is inside its period. */
export function acceptsComments(
  consultation: { status: string; opensAt: Date; closesAt: Date },
  now: Date,
): boolean {
  return consultation.status === "OPEN" && consultation.opensAt <= now && now < consultation.closesAt;
}

/** Days left to comment, counting today (1 on the last day); 0 once closed. */
export function daysLeft(closesAt: Date, now: Date): number {
  if (now >= closesAt) return 0;
  return Math.ceil((closesAt.getTime() - startOfChinaDay(now).getTime()) / day);
}
