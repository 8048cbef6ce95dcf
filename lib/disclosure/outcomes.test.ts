import { describe, expect, it } from "vitest";
import { isValidOutcome, outcomeCells } from "./outcomes";

describe("reply outcomes", () => {
  it("has one cell per annual-report row: 2 single categories and 19 sub-codes", () => {
    expect(outcomeCells).toHaveLength(21);
    expect(new Set(outcomeCells.map((c) => `${c.category}/${c.sub}`)).size).toBe(21);
  });
  it("requires the sub-code exactly where the category has them", () => {
    expect(isValidOutcome("DISCLOSED", null)).toBe(true);
    expect(isValidOutcome("DISCLOSED", "STATE_SECRET")).toBe(false);
    expect(isValidOutcome("NOT_DISCLOSED", "STATE_SECRET")).toBe(true);
    expect(isValidOutcome("NOT_DISCLOSED", null)).toBe(false);
    expect(isValidOutcome("NOT_DISCLOSED", "DUPLICATE")).toBe(false);
    expect(isValidOutcome("MADE_UP", null)).toBe(false);
  });
});
