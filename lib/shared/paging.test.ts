import { describe, expect, it } from "vitest";
import { pageOf } from "./paging";

describe("pageOf", () => {
  it("holds the page inside the list and says what to skip", () => {
    expect(pageOf(45, 20, 2)).toEqual({ page: 2, pages: 3, skip: 20, take: 20 });
    expect(pageOf(45, 20, 9)).toEqual({ page: 3, pages: 3, skip: 40, take: 20 });
    expect(pageOf(45, 20, -4)).toEqual({ page: 1, pages: 3, skip: 0, take: 20 });
    expect(pageOf(45, 20, undefined).page).toBe(1);
    expect(pageOf(45, 20, Number.NaN).page).toBe(1);
  });
  it("gives an empty list one page", () => {
    expect(pageOf(0, 20, 3)).toEqual({ page: 1, pages: 1, skip: 0, take: 20 });
  });
});
