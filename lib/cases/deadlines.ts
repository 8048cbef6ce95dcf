import { dueFlagOn, type TDueFlag } from "../calendar/dueFlag";
import {
  addCalendarDays,
  addWorkingDays,
  type TCalendarOverrides,
  type TDeadline,
} from "../calendar/workdays";
import type { DayCount } from "../db/generated/enums";
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

export type TServicePeriods = {
  promisedDays: number;
  statutoryDays: number | null;
  statutoryDayCount: DayCount;
};

/**
 * A case's two dates from the day it was accepted: the promise (承诺, always working days) and the
 * statutory period as its law counts it (工作日 or 日); no statutory date where no law sets one.
 */
export function caseDeadlines(acceptedDay: string, service: TServicePeriods, calendar: TCalendarOverrides) {
  const promised = addWorkingDays(acceptedDay, service.promisedDays, calendar);
  const add = service.statutoryDayCount === "CALENDAR" ? addCalendarDays : addWorkingDays;
  const statutory: TDeadline | null =
    service.statutoryDays === null ? null : add(acceptedDay, service.statutoryDays, calendar);
  return { promised, statutory, provisional: promised.provisional || (statutory?.provisional ?? false) };
}
