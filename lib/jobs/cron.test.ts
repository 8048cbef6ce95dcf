import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "./cron";

const beijing = (text: string) => new Date(`${text}+08:00`);

describe("cron timetables (Beijing time)", () => {
  it("finds the next minute a timetable names", () => {
    expect(nextCronTime("17 * * * *", beijing("2026-12-01T10:17:00"))).toEqual(
      beijing("2026-12-01T11:17:00"),
    );
    expect(nextCronTime("17 * * * *", beijing("2026-12-01T10:16:59"))).toEqual(
      beijing("2026-12-01T10:17:00"),
    );
    expect(nextCronTime("30 2 * * *", beijing("2026-12-01T03:00:00"))).toEqual(
      beijing("2026-12-02T02:30:00"),
    );
    expect(nextCronTime("*/15 8-9 * * 1-5", beijing("2026-12-04T09:50:00"))).toEqual(
      beijing("2026-12-07T08:00:00"),
    );
    expect(nextCronTime("0 0 1 1 *", beijing("2026-06-01T00:00:00"))).toEqual(beijing("2027-01-01T00:00:00"));
    // Sunday as 0 or 7
    expect(nextCronTime("0 12 * * 7", beijing("2026-12-01T00:00:00"))).toEqual(
      beijing("2026-12-06T12:00:00"),
    );
  });

  it("matches either day field when both are restricted, as cron does", () => {
    const matches = parseCron("0 0 13 * 5");
    expect(matches(beijing("2026-12-13T00:00:00"))).toBe(true); // the 13th, a Sunday
    expect(matches(beijing("2026-12-04T00:00:00"))).toBe(true); // a Friday
    expect(matches(beijing("2026-12-05T00:00:00"))).toBe(false);
  });

  it("refuses a malformed timetable at once", () => {
    for (const bad of ["* * * *", "60 * * * *", "a * * * *", "5-1 * * * *", "*/0 * * * *"])
      expect(() => parseCron(bad), bad).toThrow(/cron/);
    expect(() => nextCronTime("0 0 31 2 *", new Date())).toThrow(/no time/);
  });
});
