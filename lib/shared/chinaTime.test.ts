import { describe, expect, it } from "vitest";
import { chinaDateTimeInput, parseChinaDateTime } from "./chinaTime";

describe("China time in forms", () => {
  it("reads a datetime-local value as UTC+8", () => {
    expect(parseChinaDateTime("2026-12-01T09:30")?.toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(parseChinaDateTime("2026-12-01T00:00:15")?.toISOString()).toBe("2026-11-30T16:00:15.000Z");
  });
  it("refuses malformed and impossible times", () => {
    for (const bad of ["", "2026-12-01", "2026-02-30T10:00", "2026-12-01T25:00", "tomorrow"])
      expect(parseChinaDateTime(bad)).toBeNull();
  });
  it("writes an instant back in Beijing time", () => {
    expect(chinaDateTimeInput(new Date("2026-11-30T16:00:15Z"))).toBe("2026-12-01T00:00:15");
  });
});
