import type { TFunction } from "i18next";
import type { DayCount } from "../db/generated/enums";

export type TStatutoryPeriod = {
  statutoryDays: number | null;
  statutoryDayCount: DayCount;
  statutorySource: string | null;
};

/** A period as a guide states it: 即办, N 个工作日, or N 日 where the law counts calendar days. */
export function periodText(t: TFunction, days: number, count: DayCount = "WORKING"): string {
  if (days === 0) return t("services:immediate");
  return t(count === "CALENDAR" ? "services:calendarDays" : "services:workingDays", { count: days });
}

/** The statutory period (法定办结时限) as its law counts it, or that no law sets one. */
export function statutoryText(t: TFunction, service: TStatutoryPeriod): string {
  if (service.statutoryDays === null) return t("services:noStatutoryPeriod");
  return periodText(t, service.statutoryDays, service.statutoryDayCount);
}
