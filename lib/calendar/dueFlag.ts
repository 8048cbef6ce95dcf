import { workingDaysBetween } from "./workdays";

export type TDueFlag = "overdue" | "soon" | null;

/** A running deadline is 即将到期 when it falls within this many working days. */
export const dueSoonWorkingDays = 2;

/** 已超期 when the due day has passed, 即将到期 within two working days of it, else nothing. */
export function dueFlagOn(due: Date, today: string): TDueFlag {
  const day = due.toISOString().slice(0, 10);
  if (day < today) return "overdue";
  return workingDaysBetween(today, day) <= dueSoonWorkingDays ? "soon" : null;
}
