import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  calendarVersionOf,
  chinaDay,
  hasCalendarData,
  workdayInfo,
  workingDaysBetween,
} from "./workdays";

describe("working days on the Chinese calendar", () => {
  it("skips the 2026 National Day holiday and counts its make-up Saturday", () => {
    // 2026: 10-01..10-07 off; Saturday 10-10 is a make-up working day
    expect(workdayInfo("2026-10-01")).toEqual({ workday: false, provisional: false });
    expect(workdayInfo("2026-10-10")).toEqual({ workday: true, provisional: false });
    expect(addWorkingDays("2026-09-30", 1).due).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 3).due).toBe("2026-10-10");
    expect(addWorkingDays("2026-09-30", 4).due).toBe("2026-10-12");
  });

  it("counts from the day after the trigger: 20 working days from a Monday", () => {
    const deadline = addWorkingDays("2026-11-02", 20);
    expect(deadline).toMatchObject({ due: "2026-11-30", provisional: false });
    expect(deadline.calendarVersion).toMatch(/^chinese-days@/);
    expect(workingDaysBetween("2026-11-02", deadline.due)).toBe(20);
  });

  it("is the same day for 即办", () => {
    expect(addWorkingDays("2026-11-26", 0).due).toBe("2026-11-26");
  });

  it("falls back to Monday–Friday and marks the date provisional for a year without data", () => {
    expect(hasCalendarData(2026)).toBe(true);
    expect(hasCalendarData(2099)).toBe(false);
    const deadline = addWorkingDays("2099-01-01", 5);
    expect(deadline).toMatchObject({ due: "2099-01-08", provisional: true });
  });

  it("applies local overrides", () => {
    expect(addWorkingDays("2026-11-02", 1, { holidays: ["2026-11-03"] }).due).toBe("2026-11-04");
    expect(addWorkingDays("2026-11-06", 1, { workdays: ["2026-11-07"] }).due).toBe("2026-11-07");
  });

  it("takes the China day of a moment", () => {
    expect(chinaDay(new Date("2026-11-26T17:00:00Z"))).toBe("2026-11-27");
    expect(chinaDay(new Date("2026-11-26T15:59:59Z"))).toBe("2026-11-26");
  });

  it("names the calendar a deadline was computed on, overrides included", () => {
    expect(calendarVersionOf({})).toBe(addWorkingDays("2026-11-02", 1).calendarVersion);
    const local = calendarVersionOf({ holidays: ["2099-01-20"], years: [2099] });
    expect(local).toMatch(/^chinese-days@.+\+local\.[0-9a-z]+$/);
    expect(calendarVersionOf({ years: [2099], holidays: ["2099-01-20"] })).toBe(local);
    expect(calendarVersionOf({ holidays: ["2099-01-21"], years: [2099] })).not.toBe(local);
    expect(workdayInfo("2099-01-06", { years: [2099] })).toEqual({ workday: true, provisional: false });
  });
});
