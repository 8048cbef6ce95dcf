import { describe, expect, it } from "vitest";
import { satisfiesMinimum } from "./requireNode";

describe("satisfiesMinimum", () => {
  const range = ">=22.12";

  it("accepts the minimum itself and anything newer", () => {
    expect(satisfiesMinimum({ version: "22.12.0", range })).toBe(true);
    expect(satisfiesMinimum({ version: "22.23.5", range })).toBe(true);
    expect(satisfiesMinimum({ version: "24.0.0", range })).toBe(true);
  });

  it("refuses an older major or minor", () => {
    expect(satisfiesMinimum({ version: "20.20.2", range })).toBe(false);
    expect(satisfiesMinimum({ version: "22.11.9", range })).toBe(false);
  });

  it("compares patch versions when the range names one", () => {
    expect(satisfiesMinimum({ version: "22.12.0", range: ">=22.12.1" })).toBe(false);
    expect(satisfiesMinimum({ version: "v22.12.1", range: ">=22.12.1" })).toBe(true);
  });

  it("throws on a range form it does not understand rather than letting anything through", () => {
    expect(() => satisfiesMinimum({ version: "22.12.0", range: "^22.12" })).toThrow(/cannot compare/);
  });
});
