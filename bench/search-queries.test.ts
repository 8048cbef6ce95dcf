import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as OpenCC from "opencc-js";
import { plantedDocuments, plantedNotices, volumeNoticeId } from "../scripts/volume/planted";
import { services } from "../prisma/seed/data/services";

type TQuery = { q: string; expect: { type: string; id?: string; title?: string }; kind: string };
const { queries } = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "search-queries.json"), "utf8"),
) as { queries: TQuery[] };
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

describe("the search benchmark's queries", () => {
  it("are at least 50, each with one defined expected item", () => {
    expect(queries.length).toBeGreaterThanOrEqual(50);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
    for (const query of queries)
      expect(Boolean(query.expect.id) !== Boolean(query.expect.title), query.q).toBe(true);
  });

  it("expect items that the demo seed or the volume generator writes, found by a substring, a translation or a synonym", () => {
    const codes = new Set(services.map((s) => s.code));
    const noticeIds = new Set(plantedNotices.map((_, i) => volumeNoticeId(i)));
    for (const query of queries) {
      if (query.expect.type === "document" && query.expect.title) {
        const planted = plantedDocuments.find((d) => d.title === query.expect.title);
        expect(planted, query.q).toBeDefined();
        const inTitle =
          planted!.title.includes(toSimplified(query.q)) ||
          planted!.titleEn.toLowerCase().includes(query.q.toLowerCase());
        expect(inTitle, query.q).toBe(true);
      }
      if (query.expect.type === "service") expect(codes.has(query.expect.id!), query.q).toBe(true);
      if (query.expect.type === "notice" && query.expect.id!.startsWith("vol-"))
        expect(noticeIds.has(query.expect.id!)).toBe(true);
    }
    const kinds = queries.map((q) => q.kind).join(" ");
    for (const needed of ["繁體", "English", "synonym", "substring of 最低生活保障"])
      expect(kinds).toContain(needed);
  });
});
