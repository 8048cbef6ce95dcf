import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatIsoDay, formatTime } from "./format";

const moment = new Date("2026-12-01T01:30:45Z"); // 09:30:45 in Beijing

describe("dates and times", () => {
  it("are the locale's long form, in Beijing time", () => {
    expect(formatDate("zh-Hans", moment)).toBe("2026年12月1日");
    expect(formatDate("zh-Hant", moment)).toBe("2026年12月1日");
    expect(formatDate("en", moment)).toBe("1 December 2026");
    // 23:30 on 30 November UTC is already 1 December in Beijing
    expect(formatDate("en", new Date("2026-11-30T23:30:00Z"))).toBe("1 December 2026");
  });

  it("show times 24-hour without seconds", () => {
    expect(formatDateTime("zh-Hans", moment)).toBe("2026年12月1日 09:30");
    expect(formatDateTime("en", new Date("2026-12-01T10:05:59Z"))).toMatch(/^1 December 2026,? (at )?18:05$/);
    expect(formatTime(moment)).toBe("09:30");
    expect(formatDateTime("en", null)).toBe("");
  });

  it("write a typed date answer in the long form, and only a real date", () => {
    expect(formatIsoDay("zh-Hans", "2026-11-02")).toBe("2026年11月2日");
    expect(formatIsoDay("en", "2026-11-02")).toBe("2 November 2026");
    expect(formatIsoDay("en", "2026-02-30")).toBeNull();
    expect(formatIsoDay("en", "soon")).toBeNull();
    expect(formatDay("en", new Date("2026-12-01T00:00:00Z"))).toBe("1 December 2026");
  });
});
