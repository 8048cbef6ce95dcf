import { describe, expect, it } from "vitest";
import { computeClock, extensionRefusal, supplementRefusal, type TClockEvent } from "./clock";

const received: TClockEvent = { type: "received", day: "2026-09-21" };

describe("the 依申请公开 clock", () => {
  it("does not start before receipt is confirmed", () => {
    expect(computeClock([], "2026-09-21")).toMatchObject({ state: "not-started", due: null });
  });

  // 2026: Mid-Autumn Friday 09-25 and National Day 10-01..10-07 are off; Sunday 09-20 and
  // Saturday 10-10 are make-up working days. From Monday 09-21 the working days run
  // 09-22, 23, 24, 28, 29, 30, 10-08, 09, 10, 12 … so the 20th is Monday 10-26.
  it("answers within 20 working days of receipt, across the holidays and make-up days", () => {
    const clock = computeClock([received], "2026-09-21");
    expect(clock).toMatchObject({
      start: "2026-09-21",
      state: "running",
      firstDue: "2026-10-26",
      due: "2026-10-26",
      provisional: false,
    });
  });

  it("stops for 补正 and restarts from the corrected application", () => {
    const events: TClockEvent[] = [received, { type: "supplementRequested", day: "2026-09-23" }];
    expect(computeClock(events, "2026-09-25")).toMatchObject({ state: "stopped-for-supplement", due: null });
    const corrected = computeClock([...events, { type: "corrected", day: "2026-10-12" }], "2026-10-12");
    expect(corrected).toMatchObject({ start: "2026-10-12", state: "running", due: "2026-11-09" });
  });

  it("allows 补正 once, within 7 working days of receipt", () => {
    expect(supplementRefusal([], "2026-09-22")).toBe("notReceived");
    expect(supplementRefusal([received], "2026-10-08")).toBeNull(); // the 7th working day, after the holiday
    expect(supplementRefusal([received], "2026-10-09")).toBe("supplementTooLate"); // the 8th
    expect(
      supplementRefusal([received, { type: "supplementRequested", day: "2026-09-22" }], "2026-09-23"),
    ).toBe("supplementOnce");
  });

  it("does not count days paused for consulting a third party", () => {
    const events: TClockEvent[] = [
      received,
      { type: "paused", day: "2026-10-12" },
      { type: "resumed", day: "2026-10-19" },
    ];
    const clock = computeClock(events, "2026-10-19");
    expect(clock.pausedDays).toBe(5);
    expect(clock.firstDue).toBe("2026-11-02");
    // while paused, the deadline moves with each working day
    expect(computeClock(events.slice(0, 2), "2026-10-14").firstDue).toBe("2026-10-28");
  });

  it("extends once, by up to 20 working days, only before the first deadline", () => {
    expect(extensionRefusal([received], "2026-10-20", 20)).toBeNull();
    const extended: TClockEvent[] = [received, { type: "extended", day: "2026-10-20", days: 20 }];
    expect(computeClock(extended, "2026-10-20")).toMatchObject({
      firstDue: "2026-10-26",
      due: "2026-11-23",
      extensionDays: 20,
    });
    expect(extensionRefusal(extended, "2026-10-21", 5)).toBe("extensionOnce");
    expect(extensionRefusal([received], "2026-10-20", 21)).toBe("extensionTooLong");
    expect(extensionRefusal([received], "2026-10-26", 10)).toBeNull(); // on the deadline itself
    expect(extensionRefusal([received], "2026-10-27", 10)).toBe("extensionAfterDeadline");
    expect(
      extensionRefusal([received, { type: "supplementRequested", day: "2026-09-22" }], "2026-09-23", 10),
    ).toBe("clockStopped");
  });

  it("marks a deadline in a year without calendar data provisional", () => {
    expect(computeClock([{ type: "received", day: "2099-12-01" }], "2099-12-01").provisional).toBe(true);
  });

  it("waits from a fee notice to its payment (国办函〔2020〕109号)", () => {
    const events: TClockEvent[] = [
      received,
      { type: "feeNotified", day: "2026-10-12" },
      { type: "feePaid", day: "2026-10-19" },
    ];
    // the 5 working days from notice to payment do not count: 10-26 becomes 11-02
    expect(computeClock(events, "2026-10-19")).toMatchObject({
      state: "running",
      pausedDays: 5,
      firstDue: "2026-11-02",
    });
    expect(computeClock(events.slice(0, 2), "2026-10-14")).toMatchObject({
      state: "fee-pending",
      firstDue: "2026-10-28",
    });
  });

  it("counts on the administrator's calendar: a year entered in full is no longer provisional", () => {
    const events: TClockEvent[] = [{ type: "received", day: "2099-01-05" }];
    expect(computeClock(events, "2099-01-05")).toMatchObject({ firstDue: "2099-02-02", provisional: true });
    expect(computeClock(events, "2099-01-05", { holidays: ["2099-01-20"], years: [2099] })).toMatchObject({
      firstDue: "2099-02-03",
      provisional: false,
    });
  });
});
