/**
 * Times typed in a form (datetime-local) are China Standard Time, UTC+8 all year (no DST).
 */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-01T09:30" (or with seconds) in Beijing time → the instant; null when malformed. */
export function parseChinaDateTime(value: string): Date | null {
  const match = localPattern.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s || 0));
  // reject 2026-02-30 and 25:00 rather than rolling them over
  const back = new Date(date.getTime() + 8 * 3600_000);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi
  )
    return null;
  return date;
}

/** The instant as a datetime-local value in Beijing time, to the second. */
export function chinaDateTimeInput(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
}
