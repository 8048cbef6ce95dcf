import type { TFunction } from "i18next";
import { formatDate, formatIsoDay } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/settings";
import { lastDayOf } from "@/lib/consultations/rules";

/** "征集期限：first day 至 last day" — the last day is the one before the period closes. */
export function periodText(t: TFunction, locale: TLocale, c: { opensAt: Date; closesAt: Date }): string {
  return t("consultations:period", {
    from: formatDate(locale, c.opensAt),
    to: formatIsoDay(locale, lastDayOf(c.closesAt)),
  });
}
