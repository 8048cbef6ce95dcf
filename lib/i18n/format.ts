import type { TLocale } from "./settings";

const intlLocale = (locale: TLocale) =>
  locale === "en" ? "en-GB" : locale === "zh-Hant" ? "zh-Hant-CN" : "zh-Hans-CN";

// Making an Intl.DateTimeFormat costs far more than formatting with one (it was the largest
// single frame in a profile of the staff queue, one per date cell): each is made once and kept.
const formats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormat = (locale: TLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    formats.set(key, format);
  }
  return format;
};

const longDate = (locale: TLocale, timeZone: string) =>
  dateTimeFormat(locale, { timeZone, year: "numeric", month: "long", day: "numeric" });

/**
 * The one place dates and times are written for people: the locale's long date (2026年12月1日,
 * 1 December 2026) and 24-hour Beijing time without seconds (09:30), whatever the server's zone.
 */
const beijing = "Asia/Shanghai";

/** A moment shown as a date and a 24-hour time in Beijing time: 2026年12月1日 09:30. */
export function formatDateTime(locale: TLocale, value: Date | null | undefined): string {
  return value
    ? dateTimeFormat(locale, {
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
    ? dateTimeFormat("en", {
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

const byteFormats = new Map<TLocale, Intl.NumberFormat>();
const byteFormat = (locale: TLocale) => {
  let format = byteFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
    byteFormats.set(locale, format);
  }
  return format;
};

export function formatBytes(locale: TLocale, bytes: number): string {
  const units = ["B", "KB", "MB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${byteFormat(locale).format(value)} ${units[unit]}`;
}
