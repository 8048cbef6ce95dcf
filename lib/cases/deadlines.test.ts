import { describe, expect, it } from "vitest";
import { dueFlag } from "./deadlines";

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
