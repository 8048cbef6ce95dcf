import "server-only";
import { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { normalizeText, queryGrams } from "./normalize";
import { expandQuery } from "./synonyms";
import { searchTypes, typeGram, type TSearchType } from "./entries";
import { searchPageSize } from "./schema";
import { candidateQuery, features, inBody } from "./candidates";
import { windowRows } from "./readPlan";
import { keptRead } from "../cache/keptReads";
import {
  inverseDocumentFrequency,
  rankCandidates,
  rankedFields,
  termEntries,
  type TFieldMatch,
  type TFieldTotals,
  type TRankedField,
} from "./rank";

/**
 * Work per query is bounded: per type, at most `candidateCaps.head` heading matches and
 * `candidateCaps.body` body matches are read, the newest first (by "sortAt": through the
 * (type, sortAt) index when a term is common, from the GIN bitmap sorted when it is rare; the
 * index's own gram counts decide, readPlan.ts), so a cut only ever drops the oldest matches, and BM25
 * ranks the newest few hundred. Each candidate read costs a few microseconds on the embedded
 * database, and a common word reaches every cap: at 1,000 / 500 a two-character word took about
 * twice as long as at 300 / 150 on 100,000 documents. Exact titles are always found (their own
 * index). A type that reached a cap is reported as `more` (its count is then a lower bound).
 */
export const candidateCaps = { head: 300, body: 150 } as const;

export type TSearchHit = {
  entryId: number;
  type: TSearchType;
  refId: string;
  key: string;
  title: string;
  titleEn: string | null;
  sortAt: Date;
  tier: number;
};
export type TSearchFound = {
  /** the normalised forms searched: the query and its synonyms */
  terms: string[];
  hits: TSearchHit[];
  counts: Record<TSearchType, number>;
  total: number;
  page: number;
  pages: number;
  /** types with more matches than were read (their count is a lower bound) */
  more: TSearchType[];
};

/** A candidate as the query returns it: id, type, tier, sortAt, then its tier's field features. */
type TFeatureRow = [number, TSearchType, number, string, number[] | null, number[] | null];
type TRow = {
  counts: Record<string, number> | null;
  capped: string[] | null;
  candidates: TFeatureRow[] | null;
};

/** Matches per type from the statement's counts (a type with none is missing there), 0 for each with none. */
const countsByType = (counts: Record<string, number> | null) =>
  Object.fromEntries(searchTypes.map((t) => [t, Number(counts?.[t] ?? 0)])) as Record<TSearchType, number>;

// JSON gives the stored UTC wall-clock time without a zone: read it as UTC
const utcDate = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);

/** A candidate's fields: [length, tf per form] for its tier's field(s), as rank.ts wants them. */
function fieldMatches(tier: number, a: number[] | null, b: number[] | null): TFieldMatch[] {
  const match = (field: TRankedField, f: number[] | null) =>
    f ? [{ field, length: f[0], tf: f.slice(1) }] : [];
  if (tier === 1) return [...match("title", a), ...match("titleEn", b)];
  if (tier === 2) return match("meta", a);
  if (tier === 3) return match("body", a);
  return [];
}

/**
 * Ranked search over the index: a hit in the title ranks first (an exact title before the others),
 * then 编码 / 文号 / 主题词 / 申请材料, then the body; inside a tier BM25 with a mild recency factor
 * (rank.ts). Candidates come from the GIN gram indexes (every gram of the query present), newest
 * first, then the phrase itself is checked.
 */
export async function findEntries(
  input: {
    q: string;
    type?: TSearchType;
    page?: number;
    pageSize?: number;
    synonyms: string[][];
    now?: Date;
    /** per type, the most heading and body candidates read (tests make them small) */
    caps?: { head: number; body: number };
  } & TDbOption,
): Promise<TSearchFound> {
  const prisma = await clientOf(input);
  const terms = expandQuery(normalizeText(input.q), input.synonyms);
  const pageSize = input.pageSize ?? searchPageSize;
  const page = Math.max(1, input.page ?? 1);
  const now = input.now ?? new Date();
  const { head: headCap, body: bodyCap } = input.caps ?? candidateCaps;
  const stats = await readTermStats(prisma, terms, !input.db);
  // a form with a gram that no entry has matches nowhere (the counts change in the transaction that
  // changes the index): it stays out of the statement, and with no form left there is none to run
  const searched = terms.filter((t) => termEntries(t, stats.gramEntries) > 0);
  if (!searched.length)
    return {
      terms,
      hits: [],
      counts: countsByType(null),
      total: 0,
      page,
      pages: 1,
      more: [],
    };
  const entriesOf = (forms: string[]) => forms.reduce((sum, t) => sum + termEntries(t, stats.gramEntries), 0);
  const { query, bodyForms } = candidateQuery({
    terms: searched,
    type: input.type,
    now,
    caps: { head: headCap, body: bodyCap },
    windows: Object.fromEntries(
      searchTypes.map((type) => {
        const plan = { total: stats.entries, typeEntries: stats.gramEntries.get(typeGram[type]) ?? 0 };
        return [
          type,
          {
            head: windowRows({ ...plan, entries: entriesOf(searched), cap: headCap }),
            body: windowRows({ ...plan, entries: entriesOf(searched.filter(inBody)), cap: bodyCap }),
          },
        ];
      }),
    ) as Record<TSearchType, { head: number | null; body: number | null }>,
    needed: page * pageSize,
  });
  // the gram arrays are large: never read them row by row, always through their GIN index; and a
  // disabled path's cost (10^10) would pass PostgreSQL's JIT thresholds: compiling took seconds.
  // Both in one statement (set_config with is_local: SET LOCAL's effect), a round trip fewer.
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`,
    prisma.$queryRaw<TRow[]>(query),
  ]);
  const row = (rows as TRow[])[0];
  const counts = countsByType(row.counts);
  const total = input.type ? counts[input.type] : searchTypes.reduce((sum, t) => sum + counts[t], 0);
  const ranking = {
    idf: searched.map((t) => inverseDocumentFrequency(termEntries(t, stats.gramEntries), stats.entries)),
    fields: stats.fields,
    now,
  };
  const candidates = (row.candidates ?? []).map(([id, type, tier, sortAt, a, b]) => ({
    id,
    type,
    tier,
    sortAt: utcDate(sortAt),
    fields: fieldMatches(tier, a, b),
    a,
  }));
  await readBodyFeatures({ prisma, candidates, forms: bodyForms, needed: page * pageSize });
  const ranked = rankCandidates(candidates, ranking).slice((page - 1) * pageSize, page * pageSize);
  const shown = await prisma.searchEntry.findMany({
    where: { id: { in: ranked.map((c) => c.id) } },
    select: { id: true, type: true, refId: true, key: true, title: true, titleEn: true, sortAt: true },
  });
  const byId = new Map(shown.map((e) => [e.id, e]));
  return {
    terms,
    hits: ranked.flatMap((c) => {
      const e = byId.get(c.id);
      return e ? [{ ...e, entryId: e.id, type: c.type, tier: c.tier }] : [];
    }),
    counts,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    more: (row.capped ?? []) as TSearchType[],
  };
}

/** The per-field totals BM25 reads for its length normalisation: four rows. */
async function readFieldTotals(prisma: Awaited<ReturnType<typeof clientOf>>): Promise<TFieldTotals> {
  const lengths = await prisma.searchFieldLength.findMany({ where: { field: { in: [...rankedFields] } } });
  const fields = Object.fromEntries(rankedFields.map((f) => [f, { entries: 0, chars: 0 }])) as TFieldTotals;
  for (const l of lengths) fields[l.field as TRankedField] = { entries: l.entries, chars: Number(l.chars) };
  return fields;
}

/** The server's field totals, kept as the place tree is: they change only when the index is written. */
const keptFieldTotals = keptRead("search.fieldTotals", async () => readFieldTotals(await clientOf({})));

/**
 * The stored counts for these forms (a missing gram: seen in no entry): entries per gram, all
 * entries (the sum of the type markers' counts) and the field totals.
 */
async function readTermStats(
  prisma: Awaited<ReturnType<typeof clientOf>>,
  terms: string[],
  serverClient: boolean,
) {
  const grams = [...new Set([...searchTypes.map((t) => typeGram[t]), ...terms.flatMap(queryGrams)])];
  const [counts, fields] = await Promise.all([
    prisma.searchGramCount.findMany({ where: { gram: { in: grams } } }),
    serverClient ? keptFieldTotals() : readFieldTotals(prisma),
  ]);
  const gramEntries = new Map(counts.map((c) => [c.gram, c.entries]));
  return {
    gramEntries,
    entries: searchTypes.reduce((sum, t) => sum + (gramEntries.get(typeGram[t]) ?? 0), 0),
    fields,
  };
}

/**
 * A body hit of a two-character query was never read (its grams decide the match): its text is
 * read for the scores only when the heading tiers do not fill the pages asked for.
 */
async function readBodyFeatures(input: {
  prisma: Awaited<ReturnType<typeof clientOf>>;
  candidates: { id: number; tier: number; fields: TFieldMatch[]; a: number[] | null }[];
  forms: (string | null)[];
  needed: number;
}): Promise<void> {
  const unread = input.candidates.filter((c) => c.tier === 3 && !c.a);
  if (!unread.length || input.candidates.length - unread.length >= input.needed) return;
  const rows = await input.prisma.$queryRaw<{ id: number; f: number[] }[]>`
    SELECT b."entryId" AS id, ${features(Prisma.sql`b."text"`, input.forms)} AS f
    FROM "SearchBody" b WHERE b."entryId" = ANY(${unread.map((c) => c.id)}::int4[])`;
  const byId = new Map(rows.map((r) => [r.id, r.f]));
  for (const c of unread) c.fields = fieldMatches(3, byId.get(c.id) ?? null, null);
}
