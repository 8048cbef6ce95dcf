import { describe, expect, it } from "vitest";
import { gramsOf } from "./normalize";
import {
  candidateScore,
  inverseDocumentFrequency,
  rankCandidates,
  recencyFactor,
  recencyWeight,
  termEntries,
  termWeight,
  type TCandidate,
  type TFieldTotals,
} from "./rank";

const now = new Date("2031-01-01T00:00:00Z");
const fields: TFieldTotals = {
  title: { entries: 100, chars: 2000 },
  titleEn: { entries: 10, chars: 400 },
  meta: { entries: 100, chars: 3000 },
  body: { entries: 100, chars: 100_000 },
};
const context = { idf: [1], fields, now };
const candidate = (over: Partial<TCandidate> & { id: number }): TCandidate => ({
  tier: 3,
  sortAt: new Date("2030-06-01T00:00:00Z"),
  fields: [{ field: "body", length: 1000, tf: [1] }],
  ...over,
});

describe("BM25 inside the tiers", () => {
  it("takes a term's entries from its rarest gram, 0 when a gram was never seen", () => {
    const [ab] = gramsOf("甲乙");
    const [bc] = gramsOf("乙丙");
    const counts = new Map([
      [ab, 50],
      [bc, 7],
    ]);
    expect(termEntries("甲乙丙", counts)).toBe(7);
    expect(termEntries("甲乙", counts)).toBe(50);
    expect(termEntries("甲乙丙丁", counts)).toBe(0);
  });

  it("weighs a rare term above a common one, never below zero", () => {
    expect(inverseDocumentFrequency(1, 1000)).toBeGreaterThan(inverseDocumentFrequency(100, 1000));
    expect(inverseDocumentFrequency(1000, 1000)).toBeGreaterThan(0);
    expect(inverseDocumentFrequency(5000, 1000)).toBeGreaterThan(0);
    expect(inverseDocumentFrequency(0, 0)).toBeGreaterThan(0);
  });

  it("rises with term frequency but saturates, and falls with the field's length", () => {
    const weight = (tf: number, length = 100) => termWeight({ tf, length, averageLength: 100, idf: 2 });
    expect(weight(0)).toBe(0);
    expect(weight(2)).toBeGreaterThan(weight(1));
    expect(weight(3) - weight(2)).toBeLessThan(weight(2) - weight(1));
    expect(weight(100)).toBeLessThan(2 * 2.2);
    expect(weight(1, 50)).toBeGreaterThan(weight(1, 100));
    expect(weight(1, 400)).toBeLessThan(weight(1, 100));
    // no statistics yet (an empty index): no length normalisation rather than a division by zero
    expect(termWeight({ tf: 1, length: 10, averageLength: 0, idf: 1 })).toBeCloseTo(1);
  });

  it("gives a new item a mild bonus that halves every year", () => {
    expect(recencyFactor(now, now)).toBeCloseTo(1 + recencyWeight);
    expect(recencyFactor(new Date("2030-01-01T00:00:00Z"), now)).toBeCloseTo(1 + recencyWeight / 2, 2);
    expect(recencyFactor(new Date("2000-01-01T00:00:00Z"), now)).toBeCloseTo(1, 4);
    // a date after "now" (scheduled, clock skew) counts as new, never more
    expect(recencyFactor(new Date("2032-01-01T00:00:00Z"), now)).toBeCloseTo(1 + recencyWeight);
  });

  it("sums the forms of the query, each by its own weight", () => {
    const both = candidate({ id: 1, fields: [{ field: "body", length: 1000, tf: [1, 1] }] });
    const rareOnly = candidate({ id: 2, fields: [{ field: "body", length: 1000, tf: [0, 1] }] });
    const commonOnly = candidate({ id: 3, fields: [{ field: "body", length: 1000, tf: [1, 0] }] });
    const idf = [inverseDocumentFrequency(90, 100), inverseDocumentFrequency(2, 100)];
    const score = (c: TCandidate) => candidateScore(c, { ...context, idf });
    expect(score(both)).toBeCloseTo(score(rareOnly) + score(commonOnly));
    expect(score(rareOnly)).toBeGreaterThan(3 * score(commonOnly));
  });

  it("keeps the tiers strict, then orders by score, then by date, then by id", () => {
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    const exactOld = candidate({ id: 1, tier: 0, fields: [], sortAt: day("2020-01-01") });
    const titleLong = candidate({
      id: 2,
      tier: 1,
      sortAt: day("2030-12-01"),
      fields: [{ field: "title", length: 60, tf: [1] }],
    });
    const titleShort = candidate({
      id: 3,
      tier: 1,
      sortAt: day("2030-01-01"),
      fields: [{ field: "title", length: 12, tf: [1] }],
    });
    const bodyMany = candidate({ id: 4, fields: [{ field: "body", length: 1000, tf: [4] }] });
    const bodyOnce = candidate({ id: 5, fields: [{ field: "body", length: 1000, tf: [1] }] });
    const bodyOnceTwin = candidate({ id: 6, fields: [{ field: "body", length: 1000, tf: [1] }] });
    const bodyOnceNewer = candidate({
      id: 7,
      sortAt: day("2030-07-01"),
      fields: [{ field: "body", length: 1000, tf: [1] }],
    });
    const ranked = rankCandidates(
      [bodyOnce, bodyOnceTwin, titleLong, bodyMany, exactOld, bodyOnceNewer, titleShort],
      context,
    );
    expect(ranked.map((c) => c.id)).toEqual([1, 3, 2, 4, 7, 6, 5]);
  });

  it("lets recency decide between near-equal matches but not over a clearly better one", () => {
    const newer = candidate({ id: 1, sortAt: now, fields: [{ field: "body", length: 1000, tf: [1] }] });
    const olderLonger = candidate({
      id: 2,
      sortAt: new Date("2029-01-01T00:00:00Z"),
      fields: [{ field: "body", length: 1100, tf: [1] }],
    });
    const olderFocused = candidate({
      id: 3,
      sortAt: new Date("2029-01-01T00:00:00Z"),
      fields: [{ field: "body", length: 300, tf: [3] }],
    });
    expect(rankCandidates([olderLonger, newer, olderFocused], context).map((c) => c.id)).toEqual([3, 1, 2]);
  });
});
