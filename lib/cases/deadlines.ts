import { workingDaysBetween } from "../calendar/workdays";
import type { TCaseStatus } from "./caseWorkflow";

export type TDueFlag = "overdue" | "soon" | null;

/** Accepted and not yet 办结: the promised date (承诺办结时限) is still running. */
export const runningStatuses = [
  "ACCEPTED",
  "REVIEWING",
  "APPROVED",
  "DENIED",
] as const satisfies readonly TCaseStatus[];
export const dueSoonWorkingDays = 2;

/** Whether a running case is past its promised date, or due within two working days. */
export function dueFlag(status: TCaseStatus, promisedDue: Date | null, today: string): TDueFlag {
  if (!promisedDue || !(runningStatuses as readonly string[]).includes(status)) return null;
  const due = promisedDue.toISOString().slice(0, 10);
  if (due < today) return "overdue";
  return workingDaysBetween(today, due) <= dueSoonWorkingDays ? "soon" : null;
}
