/**
 * Ranking inside a tier (exact title, title, 编码/文号/主题词/申请材料, body): Okapi BM25 over the
 * tier's fields, summed over the forms of the query (the query and its synonyms), times a mild
 * recency factor; the tiers themselves stay strict, and the date then the id break ties.
 *
 * Document frequencies come from the index's own table of gram counts (`SearchGramCount`, kept by
 * lib/search/index.ts with the entries), not from an estimate: the index has no words, only
 * character bigrams, and a term's frequency is bounded by its rarest bigram (exact for a
 * two-character term, the commonest kind of Chinese query). PostgreSQL's column statistics would
 * only know the thousand or so commonest grams and only after an ANALYZE, which the embedded
 * database never runs on its own.
 */
import { queryGrams } from "./normalize";

/** BM25's usual constants: term-frequency saturation and the weight of length normalisation. */
export const bm25 = { k1: 1.2, b: 0.75 } as const;
/**
 * A brand-new item scores up to this much more than an old one, the bonus halving every
 * `recencyHalfLifeDays`: enough to order near-equal matches by date, never to lift a weak match
 * over a clearly better one.
 */
export const recencyWeight = 0.2;
export const recencyHalfLifeDays = 365;

export const rankedFields = ["title", "titleEn", "meta", "body"] as const;
export type TRankedField = (typeof rankedFields)[number];
/** Per field: entries with it non-empty and their summed length in characters. */
export type TFieldTotals = Record<TRankedField, { entries: number; chars: number }>;

/** One field of a candidate: its length in characters and how often each form of the query occurs in it. */
export type TFieldMatch = { field: TRankedField; length: number; tf: number[] };
export type TCandidate = {
  id: number;
  tier: number;
  sortAt: Date;
  /** the fields of its tier (none for an exact title: every such hit is equally exact) */
  fields: TFieldMatch[];
};

/** The number of entries that may hold the term: that of its rarest gram (0 for a gram never seen). */
export function termEntries(term: string, gramEntries: ReadonlyMap<number, number>): number {
  const grams = queryGrams(term);
  if (!grams.length) return 0;
  return Math.min(...grams.map((gram) => gramEntries.get(gram) ?? 0));
}

/** BM25's inverse document frequency, never negative (the "+1" form). */
export function inverseDocumentFrequency(entries: number, total: number): number {
  const n = Math.min(entries, total);
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

/** One term's BM25 weight in one field: saturating in tf, lower in a field longer than the average. */
export function termWeight(input: {
  tf: number;
  length: number;
  averageLength: number;
  idf: number;
}): number {
  const { tf, length, averageLength, idf } = input;
  if (tf <= 0) return 0;
  const norm = averageLength > 0 ? 1 - bm25.b + (bm25.b * length) / averageLength : 1;
  return (idf * (tf * (bm25.k1 + 1))) / (tf + bm25.k1 * norm);
}

/** 1 + recencyWeight for an item of today, halving with every half-life of age. */
export function recencyFactor(sortAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - sortAt.getTime()) / 86_400_000);
  return 1 + recencyWeight * 0.5 ** (ageDays / recencyHalfLifeDays);
}

/** The score of a candidate inside its tier. */
export function candidateScore(
  candidate: TCandidate,
  context: { idf: number[]; fields: TFieldTotals; now: Date },
): number {
  let text = candidate.fields.length ? 0 : 1;
  for (const match of candidate.fields) {
    const totals = context.fields[match.field];
    const averageLength = totals.entries > 0 ? totals.chars / totals.entries : 0;
    match.tf.forEach((tf, term) => {
      text += termWeight({ tf, length: match.length, averageLength, idf: context.idf[term] ?? 0 });
    });
  }
  return text * recencyFactor(candidate.sortAt, context.now);
}

/** Candidates in result order: by tier, then score, then date, then id (newest first). */
export function rankCandidates<T extends TCandidate>(
  candidates: T[],
  context: { idf: number[]; fields: TFieldTotals; now: Date },
): T[] {
  const scored = candidates.map((candidate) => ({ candidate, score: candidateScore(candidate, context) }));
  scored.sort(
    (a, b) =>
      a.candidate.tier - b.candidate.tier ||
      b.score - a.score ||
      b.candidate.sortAt.getTime() - a.candidate.sortAt.getTime() ||
      b.candidate.id - a.candidate.id,
  );
  return scored.map((s) => s.candidate);
}
