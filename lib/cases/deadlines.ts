import { dueFlagOn, type TDueFlag } from "../calendar/dueFlag";
import type { TCaseStatus } from "./caseWorkflow";

/** Accepted and not yet 办结: the promised date (承诺办结时限) is still running. */
export const runningStatuses = [
  "ACCEPTED",
  "REVIEWING",
  "APPROVED",
  "DENIED",
] as const satisfies readonly TCaseStatus[];

/** Whether a running case is past its promised date, or due within two working days. */
export function dueFlag(status: TCaseStatus, promisedDue: Date | null, today: string): TDueFlag {
  if (!promisedDue || !(runningStatuses as readonly string[]).includes(status)) return null;
  return dueFlagOn(promisedDue, today);
}
