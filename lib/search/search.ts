import "server-only";
import { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { gramsAreExact, normalizeText, queryGrams } from "./normalize";
import { expandQuery } from "./synonyms";
import { searchTypes, typeGram, utc, type TSearchType } from "./entries";
import { searchPageSize } from "./schema";
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
 * Work per query is bounded: per type, at most `headCap` heading matches and `bodyCap` body
 * candidates are read, the newest first (by "sortAt", through the (type, sortAt) index when a term
 * is common, or from the GIN bitmap sorted when it is rare: the planner picks by the gram's
 * statistics), so a cut only ever drops the oldest matches; a phrase of several bigrams is then
 * confirmed on those candidates' text. Exact titles are always found (their own index). A type
 * that reached a cap is reported as `more`.
 */
export const candidateCaps = { head: 1000, body: 500 } as const;

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
  grams: [number, number][] | null;
  fields: [TRankedField, number, string][] | null;
  candidates: TFeatureRow[] | null;
};

// JSON gives the stored UTC wall-clock time without a zone: read it as UTC
const utcDate = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);

/**
 * A field's features for BM25: its length, then the occurrences of each form (0 for a form that
 * cannot match there: a single character in the body).
 */
const features = (field: Prisma.Sql, forms: (string | null)[]) =>
  Prisma.sql`ARRAY[char_length(${field}), ${Prisma.join(
    forms.map((t) =>
      t === null
        ? Prisma.sql`0`
        : Prisma.sql`(char_length(${field}) - char_length(replace(${field}, ${t}::text, ''))) / char_length(${t}::text)`,
    ),
  )}]`;

/** A candidate's fields: [length, tf per form] for its tier's field(s), as rank.ts wants them. */
function fieldMatches(tier: number, a: number[] | null, b: number[] | null): TFieldMatch[] {
  const match = (field: TRankedField, f: number[] | null) => (f ? [{ field, length: f[0], tf: f.slice(1) }] : []);
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
  const at = Prisma.sql`${utc(now)}::timestamp`;
  const visible = Prisma.sql`(e."visibleFrom" IS NULL OR e."visibleFrom" <= ${at}) AND (e."visibleUntil" IS NULL OR e."visibleUntil" > ${at})`;
  const gramArray = (term: string, type: TSearchType) =>
    Prisma.sql`${`{${[typeGram[type], ...queryGrams(term)].join(",")}}`}::int4[]`;
  const headMatch = (type: TSearchType) =>
    Prisma.join(
      terms.map(
        (t) =>
          Prisma.sql`(e."headGrams" @> ${gramArray(t, type)} AND (strpos(e."titleNorm", ${t}) > 0 OR strpos(e."titleEnNorm", ${t}) > 0 OR strpos(e."metaNorm", ${t}) > 0))`,
      ),
      " OR ",
    );
  const titleHit = Prisma.join(
    terms.map((t) => Prisma.sql`strpos(e."titleNorm", ${t}) > 0 OR strpos(e."titleEnNorm", ${t}) > 0`),
    " OR ",
  );
  // one-character forms are looked for in the heading fields only
  const inBody = (t: string) => Array.from(t).length > 1;
  const bodyTerms = terms.filter(inBody);
  const bodyForms = terms.map((t) => (inBody(t) ? t : null));
  const exact = bodyTerms.every(gramsAreExact);
  const newest = Prisma.sql`ORDER BY e."sortAt" DESC, e.id DESC`;
  const perType = (type: TSearchType) => {
    const body = bodyTerms.length
      ? Prisma.sql`UNION ALL (SELECT e.id, e.type, e."sortAt", 3 AS tier, 'body' AS src, NULL::int[] AS a, NULL::int[] AS b FROM "SearchEntry" e
          WHERE e.type = ${type} AND ${visible} AND (${Prisma.join(
            bodyTerms.map((t) => Prisma.sql`e."bodyGrams" @> ${gramArray(t, type)}`),
            " OR ",
          )}) ${newest} LIMIT ${exact ? headCap : bodyCap})`
      : Prisma.empty;
    return Prisma.sql`
      (SELECT e.id, e.type, e."sortAt", 0 AS tier, 'exact' AS src, NULL::int[] AS a, NULL::int[] AS b FROM "SearchEntry" e WHERE e.type = ${type} AND ${visible} AND (e."titleNorm" = ANY(${terms}::text[]) OR e."titleEnNorm" = ANY(${terms}::text[])) ${newest} LIMIT ${headCap})
      UNION ALL (SELECT e.id, e.type, e."sortAt", CASE WHEN ${titleHit} THEN 1 ELSE 2 END AS tier, 'head' AS src,
        CASE WHEN ${titleHit} THEN ${features(Prisma.sql`e."titleNorm"`, terms)} ELSE ${features(Prisma.sql`e."metaNorm"`, terms)} END AS a,
        CASE WHEN ${titleHit} THEN ${features(Prisma.sql`e."titleEnNorm"`, terms)} END AS b
        FROM "SearchEntry" e WHERE e.type = ${type} AND ${visible} AND (${headMatch(type)}) ${newest} LIMIT ${headCap})
      ${body}`;
  };
  // a phrase of several bigrams is confirmed on the text, and its features read from it at once
  const verified = exact
    ? Prisma.sql`SELECT c.id, c.type, c."sortAt", c.tier, c.a, c.b FROM best c`
    : Prisma.sql`SELECT c.id, c.type, c."sortAt", c.tier, CASE WHEN c.tier = 3 THEN ${features(Prisma.sql`b."text"`, bodyForms)} ELSE c.a END AS a, c.b
        FROM best c LEFT JOIN "SearchBody" b ON c.tier = 3 AND b."entryId" = c.id
        WHERE c.tier < 3 OR (${Prisma.join(
          bodyTerms.map((t) => Prisma.sql`strpos(b."text", ${t}) > 0`),
          " OR ",
        )})`;
  const statGrams = [...new Set([...searchTypes.map((t) => typeGram[t]), ...terms.flatMap(queryGrams)])];
  const query = Prisma.sql`
    WITH cand AS MATERIALIZED (${Prisma.join(searchTypes.map(perType), " UNION ALL ")}),
    capped AS (SELECT type FROM cand GROUP BY type, src HAVING (src = 'head' AND count(*) >= ${headCap}) OR (src = 'body' AND count(*) >= ${exact ? headCap : bodyCap})),
    best AS (SELECT DISTINCT ON (c.id) c.* FROM cand c ORDER BY c.id, c.tier),
    hits AS MATERIALIZED (${verified})
    SELECT
      (SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM hits GROUP BY type) x) AS counts,
      (SELECT array_agg(DISTINCT type) FROM capped) AS capped,
      (SELECT json_agg(json_build_array(g."gram", g."entries")) FROM "SearchGramCount" g WHERE g."gram" = ANY(${statGrams}::int4[])) AS grams,
      (SELECT json_agg(json_build_array(f."field", f."entries", f."chars"::text)) FROM "SearchFieldLength" f) AS fields,
      (SELECT json_agg(json_build_array(h.id, h.type, h.tier, h."sortAt", h.a, h.b)) FROM hits h
        WHERE ${input.type ? Prisma.sql`h.type = ${input.type}` : Prisma.sql`TRUE`}) AS candidates`;
  // the gram arrays are large: never read them row by row, always through their GIN index
  const [, rows] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL enable_seqscan = off`,
    prisma.$queryRaw<TRow[]>(query),
  ]);
  const row = (rows as TRow[])[0];
  const counts = Object.fromEntries(searchTypes.map((t) => [t, Number(row.counts?.[t] ?? 0)])) as Record<
    TSearchType,
    number
  >;
  const total = input.type ? counts[input.type] : searchTypes.reduce((sum, t) => sum + counts[t], 0);
  const ranking = rankingContext({ terms, grams: row.grams ?? [], fields: row.fields ?? [], now });
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

/** The statistics rank.ts needs, from the stored counts (a missing gram: seen in no entry). */
function rankingContext(input: {
  terms: string[];
  grams: [number, number][];
  fields: [TRankedField, number, string][];
  now: Date;
}) {
  const gramEntries = new Map(input.grams);
  const entries = searchTypes.reduce((sum, t) => sum + (gramEntries.get(typeGram[t]) ?? 0), 0);
  const fields = Object.fromEntries(rankedFields.map((f) => [f, { entries: 0, chars: 0 }])) as TFieldTotals;
  for (const [field, n, chars] of input.fields) if (field in fields) fields[field] = { entries: n, chars: Number(chars) };
  return {
    idf: input.terms.map((t) => inverseDocumentFrequency(termEntries(t, gramEntries), entries)),
    fields,
    now: input.now,
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
