import chineseDays from "chinese-days";
import pkg from "chinese-days/package.json";

/**
 * Working days on the Chinese calendar: Monday–Friday, minus statutory holidays, plus the
 * weekend 调休 make-up days, from the maintained `chinese-days` package. For a year the
 * package has no data for, the count falls back to Monday–Friday and the result is marked
 * provisional. Local overrides (e.g. ethnic-minority holidays) are applied on top.
 */
export const calendarVersion = `chinese-days@${(pkg as { version: string }).version}`;

/**
 * Local changes to the national calendar, set by an administrator: extra holidays (e.g. an
 * ethnic-minority festival), extra working days, and the years whose calendar the
 * administrator has entered in full (the State Council's notice published before the package
 * has it): in those years a day not listed is Monday–Friday, no longer provisional.
 */
export type TCalendarOverrides = { holidays?: string[]; workdays?: string[]; years?: number[] };
export type TDeadline = { due: string; provisional: boolean; calendarVersion: string };

const yearHasData = new Map<number, boolean>();

/** True when the package knows the holidays of that year (every year has 春节 days). */
export function hasCalendarData(year: number): boolean {
  let known = yearHasData.get(year);
  if (known === undefined) {
    try {
      known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    } catch {
      known = false;
    }
    yearHasData.set(year, known);
  }
  return known;
}

function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Whether a calendar day (YYYY-MM-DD) is a working day, and whether that answer is provisional. */
export function workdayInfo(
  day: string,
  overrides: TCalendarOverrides = {},
): { workday: boolean; provisional: boolean } {
  if (overrides.holidays?.includes(day)) return { workday: false, provisional: false };
  if (overrides.workdays?.includes(day)) return { workday: true, provisional: false };
  const year = Number(day.slice(0, 4));
  if (hasCalendarData(year)) return { workday: chineseDays.isWorkday(day), provisional: false };
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return { workday: weekday !== 0 && weekday !== 6, provisional: !overrides.years?.includes(year) };
}

/**
 * The Nth working day after `from` (the first day is not counted, 《民法典》第二百零一条). `n = 0` means
 * 即办: the same day.
 */
export function addWorkingDays(from: string, n: number, overrides: TCalendarOverrides = {}): TDeadline {
  const version = calendarVersionOf(overrides);
  let day = from;
  let provisional = false;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    const info = workdayInfo(day, overrides);
    provisional ||= info.provisional;
    if (info.workday) counted++;
  }
  return { due: day, provisional, calendarVersion: version };
}

/**
 * A period counted in calendar days (a law's "十五日", not "十五个工作日"): n days after `from`,
 * and when the last day is a holiday or rest day, the first working day after it (民法典
 * Art. 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 */
export function addCalendarDays(from: string, n: number, overrides: TCalendarOverrides = {}): TDeadline {
  let day = addDays(from, n);
  let info = workdayInfo(day, overrides);
  let provisional = info.provisional;
  while (n > 0 && !info.workday) {
    day = addDays(day, 1);
    info = workdayInfo(day, overrides);
    provisional ||= info.provisional;
  }
  return { due: day, provisional, calendarVersion: calendarVersionOf(overrides) };
}

/**
 * The calendar a deadline was computed on: the package's version, plus a short digest of the
 * local overrides when there are any (a changed override is a changed calendar).
 */
export function calendarVersionOf(overrides: TCalendarOverrides = {}): string {
  const parts = [overrides.holidays, overrides.workdays, overrides.years].map((list) =>
    [...(list ?? [])].map(String).sort().join(","),
  );
  if (!parts.some(Boolean)) return calendarVersion;
  let hash = 0;
  for (const char of parts.join("|")) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `${calendarVersion}+local.${(hash >>> 0).toString(36)}`;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, overrides: TCalendarOverrides = {}): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (workdayInfo(day, overrides).workday) count++;
  return count;
}

/** The calendar day in China (UTC+8, no daylight saving) of a moment. */
export function chinaDay(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
