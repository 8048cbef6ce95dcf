import { describe, expect, it } from "vitest";
import { formatTable, fullVolume, latencySummary, parseBenchArgs, percentile } from "./stats";
import { isExpected } from "./measure";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100…1, unsorted on purpose

  it("takes the smallest sample with at least p% of samples at or below it", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20], 99)).toBe(20);
    expect(percentile([7], 50)).toBe(7);
  });

  it("is NaN without samples and refuses p outside 0–100", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it("does not reorder the caller's samples", () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it("summarises p50, p95, p99, max and count", () => {
    expect(latencySummary(hundred)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, count: 100 });
  });
});

describe("bench arguments", () => {
  it("defaults to the full volume, 50 connections, 10 s and port 3400", () => {
    expect(parseBenchArgs([])).toMatchObject({
      ...fullVolume,
      quick: false,
      connections: 50,
      duration: 10,
      port: 3400,
      dataDir: "bench/.data",
      skipEmbedded: false,
      only: null,
    });
  });

  it("--only measures one group alone (signed-in pages, search, submissions or cached pages); no other group exists", () => {
    expect(parseBenchArgs(["--only", "signed-in"]).only).toBe("signed-in");
    expect(parseBenchArgs(["--only", "search"]).only).toBe("search");
    expect(parseBenchArgs(["--only", "submissions"]).only).toBe("submissions");
    expect(parseBenchArgs(["--only", "pages"]).only).toBe("pages");
    expect(() => parseBenchArgs(["--only", "home"])).toThrow(/signed-in, search, submissions, pages/);
    expect(parseBenchArgs([]).searchCurve).toBeNull();
  });

  it("--search-curve lists numbers of documents and measures search alone", () => {
    const curve = parseBenchArgs(["--search-curve", "10000, 100_000,1000000"]);
    expect(curve.searchCurve).toEqual([10_000, 100_000, 1_000_000]);
    expect(curve.only).toBe("search");
    expect(() => parseBenchArgs(["--search-curve", "10000,lots"])).toThrow(/search-curve/);
    expect(() => parseBenchArgs(["--search-curve", "0"])).toThrow(/search-curve/);
    expect(() => parseBenchArgs(["--search-curve", "6000000"])).toThrow(/at most/);
  });

  it("--quick makes small counts, short runs and its own data directory", () => {
    const quick = parseBenchArgs(["--quick"]);
    expect(quick.documents).toBeLessThan(10_000);
    expect(quick.duration).toBeLessThan(10);
    expect(quick.dataDir).toBe("bench/.data-quick");
  });

  it("takes counts with underscores and refuses bad values and the test servers' ports", () => {
    expect(parseBenchArgs(["--cases", "300_000", "--duration", "5"])).toMatchObject({
      cases: 300_000,
      duration: 5,
    });
    expect(() => parseBenchArgs(["--cases", "many"])).toThrow(/whole number/);
    expect(() => parseBenchArgs(["--port", "3100"])).toThrow(/3100/);
    expect(() => parseBenchArgs(["--port", "3200"])).toThrow();
    expect(() => parseBenchArgs(["--what"])).toThrow();
  });
});

describe("formatTable", () => {
  it("pads columns (a Chinese character is two wide) and right-aligns numbers", () => {
    const table = formatTable(
      ["name", "n"],
      [
        ["首页", 5],
        ["x", 1234],
      ],
    ).split("\n");
    expect(table[0]).toBe("name  n    ");
    expect(table[2]).toBe("首页      5");
    expect(table[3]).toBe("x     1,234");
  });
});

describe("isExpected", () => {
  it("matches by type and id or url, or by type and title without highlight markup", () => {
    expect(isExpected({ type: "service", id: "GA-JZZ-001" }, { type: "service", id: "GA-JZZ-001" })).toBe(
      true,
    );
    expect(
      isExpected(
        { type: "document", id: "x", url: "/zh-Hans/disclosure/SZF/2006-00001" },
        { type: "document", id: "SZF/2006-00001" },
      ),
    ).toBe(true);
    expect(isExpected({ type: "notice", id: "GA-JZZ-001" }, { type: "service", id: "GA-JZZ-001" })).toBe(
      false,
    );
    expect(
      isExpected(
        { type: "document", title: "成都市<mark>人才公寓</mark>租赁管理办法" },
        { type: "document", title: "成都市人才公寓租赁管理办法" },
      ),
    ).toBe(true);
    expect(
      isExpected(
        { type: "document", title: "成都市人才公寓" },
        { type: "document", title: "成都市人才公寓租赁管理办法" },
      ),
    ).toBe(false);
  });
});
