import { describe, expect, it } from "vitest";
import { pageOf, readPage } from "./paging";

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

describe("readPage with pagesAhead", () => {
  const list = Array.from({ length: 45 }, (_, i) => i);
  const read = (requested: number | undefined, pagesAhead?: number, maxPage?: number) => {
    const limits: (number | undefined)[] = [];
    const windows: { skip: number; take: number }[] = [];
    return readPage({
      size: 5,
      requested,
      pagesAhead,
      maxPage,
      count: async (limit) => {
        limits.push(limit);
        return Math.min(list.length, limit ?? Infinity);
      },
      rows: async (window) => {
        windows.push(window);
        return list.slice(window.skip, window.skip + window.take);
      },
    }).then((result) => ({ ...result, limits, windows }));
  };
  it("counts no further than pagesAhead pages past the one asked for", async () => {
    expect(await read(2, 3)).toMatchObject({
      limits: [26],
      total: 26,
      more: true,
      page: { page: 2, pages: 6 },
      rows: [5, 6, 7, 8, 9],
    });
  });
  it("is exact when the count ends before the limit, and holds the page inside the list", async () => {
    expect(await read(7, 3)).toMatchObject({
      limits: [51],
      total: 45,
      more: false,
      page: { page: 7, pages: 9 },
    });
    expect(await read(50, 3)).toMatchObject({
      total: 45,
      more: false,
      page: { page: 9 },
      rows: [40, 41, 42, 43, 44],
    });
  });
  it("counts everything without pagesAhead", async () => {
    expect(await read(undefined)).toMatchObject({
      limits: [undefined],
      total: 45,
      more: false,
      page: { pages: 9 },
    });
  });
  it("with maxPage reads no page past it, however far a page is asked for", async () => {
    // 45 rows, 5 to a page, at most 4 pages: page 1,000,000 is page 4, and nothing past row 20 is read
    const far = await read(1_000_000, 3, 4);
    expect(far).toMatchObject({
      limits: [21],
      more: true,
      capped: true,
      page: { page: 4, pages: 4 },
      rows: [15, 16, 17, 18, 19],
      windows: [{ skip: 15, take: 5 }],
    });
    // inside the cap, the count still stops pagesAhead on, or at the cap if nearer
    expect(await read(3, 2, 4)).toMatchObject({ limits: [21], capped: true, page: { page: 3, pages: 4 } });
    expect(await read(1, 2, 20)).toMatchObject({ limits: [16], more: true, capped: false });
    // a list that ends before the cap is not capped
    expect(await read(50, 3, 20)).toMatchObject({ capped: false, more: false, page: { page: 9, pages: 9 } });
  });
});
