import { workingDaysBetween } from "../calendar/workdays";
import type { TCaseStatus } from "./transitions";

export type TDueFlag = "overdue" | "soon" | null;
export const dueSoonWorkingDays = 2;

/** Whether a running case is past its promised date, or due within two working days. */
export function dueFlag(status: TCaseStatus, promisedDue: Date | null, today: string): TDueFlag {
  if (!promisedDue || !["ACCEPTED", "REVIEWING", "APPROVED", "DENIED"].includes(status)) return null;
  const due = promisedDue.toISOString().slice(0, 10);
  if (due < today) return "overdue";
  return workingDaysBetween(today, due) <= dueSoonWorkingDays ? "soon" : null;
}
