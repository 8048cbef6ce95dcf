import type { TLocale } from "./settings";

const intlLocale = (locale: TLocale) =>
  locale === "en" ? "en-GB" : locale === "zh-Hant" ? "zh-Hant-CN" : "zh-Hans-CN";

const longDate = (locale: TLocale, timeZone: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { timeZone, year: "numeric", month: "long", day: "numeric" });

/**
 * The one place dates and times are written for people: the locale's long date (2026年12月1日,
 * 1 December 2026) and 24-hour Beijing time without seconds (09:30), whatever the server's zone.
 */
const beijing = "Asia/Shanghai";

/** A moment shown as a date and a 24-hour time in Beijing time: 2026年12月1日 09:30. */
export function formatDateTime(locale: TLocale, value: Date | null | undefined): string {
  return value
    ? new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: beijing,
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(value)
    : "";
}

/** A moment's time of day, 24-hour Beijing time without seconds: 09:30. */
export function formatTime(value: Date | null | undefined): string {
  return value
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone: beijing,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(value)
    : "";
}

/** A calendar day typed as YYYY-MM-DD (a form's date answer) in the long form, or null if it is not one. */
export function formatIsoDay(locale: TLocale, value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || !day.toISOString().startsWith(value) ? null : formatDay(locale, day);
}

/** A moment shown as a date in China time. */
export function formatDate(locale: TLocale, value: Date | null | undefined): string {
  return value ? longDate(locale, beijing).format(value) : "";
}

/** A calendar day stored as a date-only column (midnight UTC). */
export function formatDay(locale: TLocale, value: Date | null | undefined): string {
  return value ? longDate(locale, "UTC").format(value) : "";
}

/** ISO date (YYYY-MM-DD) for <time dateTime>. */
export function isoDay(value: Date | null | undefined): string | undefined {
  return value ? value.toISOString().slice(0, 10) : undefined;
}

export function formatBytes(locale: TLocale, bytes: number): string {
  const units = ["B", "KB", "MB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}
