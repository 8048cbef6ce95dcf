import type { TFunction } from "i18next";
import { formatDate, formatIsoDay } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/settings";
import { lastDayOf } from "@/lib/consultations/rules";

/** The consultation period, "from first day to last day"; the last day is the one before it closes. */
export function periodText(t: TFunction, locale: TLocale, c: { opensAt: Date; closesAt: Date }): string {
  return t("consultations:period", {
    from: formatDate(locale, c.opensAt),
    to: formatIsoDay(locale, lastDayOf(c.closesAt)),
  });
}
