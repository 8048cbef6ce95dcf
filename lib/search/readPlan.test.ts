import { describe, expect, it } from "vitest";
import { maxWindowRows, windowRows } from "./readPlan";

describe("reading a term's newest matches", () => {
  it("uses the GIN bitmap for a rare term, a middling one and an empty index", () => {
    expect(windowRows({ entries: 13, total: 1_000_000, cap: 300 })).toBeNull();
    expect(windowRows({ entries: 42_930, total: 1_000_000, cap: 300 })).toBeNull();
    expect(windowRows({ entries: 0, total: 0, cap: 300 })).toBeNull();
  });

  it("walks the newest rows for a common term, twice what the estimate needs, never more than the bound", () => {
    // a third of a million entries: about 900 rows hold 300 matches
    expect(windowRows({ entries: 333_334, total: 1_000_000, cap: 300 })).toBe(1800);
    expect(windowRows({ entries: 1_000_000, total: 1_000_000, cap: 300 })).toBe(600);
    expect(windowRows({ entries: 150_000, total: 1_000_000, cap: 300 })).toBe(maxWindowRows);
    expect(windowRows({ entries: 149_000, total: 1_000_000, cap: 300 })).toBeNull();
  });

  it("reads a type with no more rows than the window from the bitmap: the walk would read it whole", () => {
    const common = { entries: 333_334, total: 1_000_000, cap: 300 };
    expect(windowRows({ ...common, typeEntries: 900_000 })).toBe(1800);
    expect(windowRows({ ...common, typeEntries: 1801 })).toBe(1800);
    expect(windowRows({ ...common, typeEntries: 1800 })).toBeNull();
    expect(windowRows({ ...common, typeEntries: 120 })).toBeNull();
  });
});
