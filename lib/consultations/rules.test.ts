import { describe, expect, it } from "vitest";
import {
  acceptsComments,
  chinaDayStart,
  daysLeft,
  lastDayOf,
  periodDays,
  periodOfDays,
  periodProblem,
} from "./rules";

describe("consultation periods", () => {
  it("counts both the first and the last day, in Beijing time", () => {
    const period = periodOfDays("2026-12-01", "2026-12-30")!;
    expect(period.opensAt.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(period.closesAt.toISOString()).toBe("2026-12-30T16:00:00.000Z");
    expect(periodDays(period.opensAt, period.closesAt)).toBe(30);
    expect(lastDayOf(period.closesAt)).toBe("2026-12-30");
  });

  it("refuses malformed and impossible days", () => {
    expect(chinaDayStart("2026-02-30")).toBeNull();
    expect(chinaDayStart("2026/12/01")).toBeNull();
    expect(periodOfDays("2026-12-01", "x")).toBeNull();
  });

  it("asks 30 days of a 重大行政决策 and 7 of an ordinary draft", () => {
    const p29 = periodOfDays("2026-12-01", "2026-12-29")!;
    const p30 = periodOfDays("2026-12-01", "2026-12-30")!;
    expect(periodProblem("MAJOR", p29.opensAt, p29.closesAt)?.key).toBe("consultationPeriodTooShort|30");
    expect(periodProblem("MAJOR", p30.opensAt, p30.closesAt)).toBeNull();
    const p6 = periodOfDays("2026-12-01", "2026-12-06")!;
    const p7 = periodOfDays("2026-12-01", "2026-12-07")!;
    expect(periodProblem("ORDINARY", p6.opensAt, p6.closesAt)?.key).toBe("consultationPeriodTooShort|7");
    expect(periodProblem("ORDINARY", p7.opensAt, p7.closesAt)).toBeNull();
    const backwards = periodOfDays("2026-12-10", "2026-12-01")!;
    expect(periodProblem("ORDINARY", backwards.opensAt, backwards.closesAt)?.key).toBe(
      "consultationClosesBeforeOpening",
    );
  });

  it("takes comments only while open and inside the period, and counts the days left", () => {
    const { opensAt, closesAt } = periodOfDays("2026-12-01", "2026-12-07")!;
    const open = { status: "OPEN", opensAt, closesAt };
    expect(acceptsComments(open, new Date("2026-11-30T15:59:59Z"))).toBe(false);
    expect(acceptsComments(open, new Date("2026-11-30T16:00:00Z"))).toBe(true);
    expect(acceptsComments(open, new Date("2026-12-07T15:59:59Z"))).toBe(true);
    expect(acceptsComments(open, closesAt)).toBe(false);
    expect(acceptsComments({ ...open, status: "CLOSED" }, new Date("2026-12-03T00:00:00Z"))).toBe(false);
    expect(daysLeft(closesAt, new Date("2026-12-07T02:00:00Z"))).toBe(1);
    expect(daysLeft(closesAt, new Date("2026-11-30T17:00:00Z"))).toBe(7);
    expect(daysLeft(closesAt, closesAt)).toBe(0);
  });
});
