import { addWorkingDays, workingDaysBetween, type TCalendarOverrides } from "../calendar/workdays";

/**
 * The statutory clock of a 依申请公开 request (《政府信息公开条例》), as a pure function of its
 * events (days are YYYY-MM-DD in China time):
 * - it starts on the day receipt is confirmed (Art. 31) and runs 20 working days (Art. 33);
 * - 补正 may be asked once, within 7 working days of receipt; the clock stops, and starts
 *   again from the day the corrected application arrives (Art. 30);
 * - days paused for consulting a third party or another agency do not count;
 * - one extension of up to 20 working days, approved before the first deadline;
 * - from a 信息处理费 notice to its payment the clock waits (国办函〔2020〕109号).
 * `received` is the day the application legally reached the office (Art. 31), which an
 * officer may record after the fact; it is not the day the officer confirmed it.
 */
export type TClockEvent =
  | { type: "received"; day: string }
  | { type: "supplementRequested"; day: string }
  | { type: "corrected"; day: string }
  | { type: "paused"; day: string }
  | { type: "resumed"; day: string }
  | { type: "extended"; day: string; days: number }
  | { type: "feeNotified"; day: string }
  | { type: "feePaid"; day: string };

const answerWorkingDays = 20;
const supplementWindowWorkingDays = 7;
const maxExtensionWorkingDays = 20;

export type TClock = {
  /** the day the 20 working days count from (receipt, or the corrected application) */
  start: string | null;
  state: "not-started" | "running" | "stopped-for-supplement" | "paused" | "fee-pending";
  /** working days paused so far (a running pause counts up to `today`) */
  pausedDays: number;
  extensionDays: number;
  /** the first deadline: start + 20 working days + paused days */
  firstDue: string | null;
  /** the deadline with any extension */
  due: string | null;
  provisional: boolean;
};

export function computeClock(
  events: TClockEvent[],
  today: string,
  calendar: TCalendarOverrides = {},
): TClock {
  let start: string | null = null;
  let state: TClock["state"] = "not-started";
  let pausedDays = 0;
  let pausedSince: string | null = null;
  let extensionDays = 0;
  for (const event of events) {
    switch (event.type) {
      case "received":
        start = event.day;
        state = "running";
        break;
      case "supplementRequested":
        state = "stopped-for-supplement";
        break;
      case "corrected":
        // the clock starts again from the corrected application; earlier pauses no longer count
        start = event.day;
        pausedDays = 0;
        state = "running";
        break;
      case "paused":
      case "feeNotified":
        pausedSince = event.day;
        state = event.type === "paused" ? "paused" : "fee-pending";
        break;
      case "resumed":
      case "feePaid":
        if (pausedSince) pausedDays += workingDaysBetween(pausedSince, event.day, calendar);
        pausedSince = null;
        state = "running";
        break;
      case "extended":
        extensionDays = event.days;
        break;
    }
  }
  if (!start || state === "stopped-for-supplement")
    return { start, state, pausedDays, extensionDays, firstDue: null, due: null, provisional: false };
  const running = pausedSince ? workingDaysBetween(pausedSince, today, calendar) : 0;
  const first = addWorkingDays(start, answerWorkingDays + pausedDays + running, calendar);
  const due = extensionDays ? addWorkingDays(first.due, extensionDays, calendar) : first;
  return {
    start,
    state,
    pausedDays: pausedDays + running,
    extensionDays,
    firstDue: first.due,
    due: due.due,
    provisional: first.provisional || due.provisional,
  };
}

export type TClockRefusal =
  | "notReceived"
  | "supplementOnce"
  | "supplementTooLate"
  | "extensionOnce"
  | "extensionTooLong"
  | "extensionAfterDeadline"
  | "clockStopped";

/** 补正 is possible once, within 7 working days of receipt. */
export function supplementRefusal(
  events: TClockEvent[],
  day: string,
  calendar: TCalendarOverrides = {},
): TClockRefusal | null {
  const received = events.find((e) => e.type === "received");
  if (!received) return "notReceived";
  if (events.some((e) => e.type === "supplementRequested")) return "supplementOnce";
  return workingDaysBetween(received.day, day, calendar) > supplementWindowWorkingDays
    ? "supplementTooLate"
    : null;
}

/** One extension, of at most 20 working days, approved on or before the first deadline. */
export function extensionRefusal(
  events: TClockEvent[],
  day: string,
  days: number,
  calendar: TCalendarOverrides = {},
): TClockRefusal | null {
  if (events.some((e) => e.type === "extended")) return "extensionOnce";
  if (!Number.isInteger(days) || days < 1 || days > maxExtensionWorkingDays) return "extensionTooLong";
  const clock = computeClock(events, day, calendar);
  if (!clock.firstDue) return clock.start ? "clockStopped" : "notReceived";
  return day > clock.firstDue ? "extensionAfterDeadline" : null;
}
