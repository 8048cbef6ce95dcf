import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../calendar/workdays";
import { caseDeadlines, dueFlag } from "./deadlines";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("dueFlag", () => {
  it("marks running cases overdue or due soon in working days", () => {
    expect(dueFlag("REVIEWING", day("2026-11-25"), "2026-11-26")).toBe("overdue");
    expect(dueFlag("ACCEPTED", day("2026-11-27"), "2026-11-26")).toBe("soon");
    // Friday → next Monday is one working day away
    expect(dueFlag("ACCEPTED", day("2026-11-30"), "2026-11-27")).toBe("soon");
    expect(dueFlag("ACCEPTED", day("2026-12-10"), "2026-11-26")).toBeNull();
  });
  it("ignores cases not yet accepted or already finished", () => {
    expect(dueFlag("SUBMITTED", day("2026-11-01"), "2026-11-26")).toBeNull();
    expect(dueFlag("COMPLETED", day("2026-11-01"), "2026-11-26")).toBeNull();
    expect(dueFlag("ACCEPTED", null, "2026-11-26")).toBeNull();
  });
});

describe("a case's deadlines as the law counts them", () => {
  it("counts calendar days (日) and moves a last day off work to the next working day", () => {
    // 十五日 from 09-20 ends on 10-05, inside the National Day holiday (10-01..10-07): 10-08
    expect(addCalendarDays("2026-09-20", 15).due).toBe("2026-10-08");
    // ending on Sunday 11-15: Monday 11-16
    expect(addCalendarDays("2026-11-01", 14).due).toBe("2026-11-16");
    // ending on a working day: that day
    expect(addCalendarDays("2026-11-02", 15).due).toBe("2026-11-17");
    // 即办 stays the day itself, whatever day it is
    expect(addCalendarDays("2026-11-15", 0).due).toBe("2026-11-15");
    // an administrator's local holiday counts too
    expect(addCalendarDays("2026-11-02", 15, { holidays: ["2026-11-17"] }).due).toBe("2026-11-18");
  });

  it("gives the promise in working days, the statutory period as its law counts it, or none", () => {
    const calendar = {};
    const social = caseDeadlines(
      "2026-11-02",
      { promisedDays: 3, statutoryDays: 15, statutoryDayCount: "CALENDAR" },
      calendar,
    );
    expect([social.promised.due, social.statutory?.due]).toEqual(["2026-11-05", "2026-11-17"]);
    const licence = caseDeadlines(
      "2026-11-02",
      { promisedDays: 3, statutoryDays: 15, statutoryDayCount: "WORKING" },
      calendar,
    );
    expect(licence.statutory?.due).toBe("2026-11-23");
    const unset = caseDeadlines(
      "2026-11-02",
      { promisedDays: 3, statutoryDays: null, statutoryDayCount: "WORKING" },
      calendar,
    );
    expect(unset.statutory).toBeNull();
    expect(unset.promised.due).toBe("2026-11-05");
  });
});
