import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDay } from "@/lib/i18n/format";

/**
 * A case's promised completion date as its applicant reads it: the day, marked provisional
 * when next year's holidays are not yet known, or, before acceptance, how it will be worked out
 * (from acceptance, within so many working days). Needs the `account` and `services` namespaces.
 */
export function caseDueText(
  locale: TLocale,
  t: TFunction,
  found: { promisedDue: Date | null; dueProvisional: boolean; service: { promisedDays: number } },
): string {
  if (!found.promisedDue) {
    const days =
      found.service.promisedDays === 0
        ? t("services:immediate")
        : t("services:workingDays", { count: found.service.promisedDays });
    return t("account:dueUnknownExplained", { days });
  }
  return formatDay(locale, found.promisedDue) + (found.dueProvisional ? ` ${t("account:provisional")}` : "");
}
