import "server-only";
import { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { gramsAreExact, normalizeText, queryGrams } from "./normalize";
import { expandQuery } from "./synonyms";
import { searchTypes, typeGram, utc, type TSearchType } from "./entries";
import { searchPageSize } from "./schema";

/**
 * Work per query is bounded: per type, at most `headCap` heading matches and `bodyCap` body
 * candidates are read (the index is written newest first, so these are about the most recent);
 * a phrase of several bigrams is then confirmed on those candidates' text. Exact titles are
 * always found (their own index). A type that reached a cap is reported as `more`.
 */
const headCap = 1000;
const bodyCap = 500;

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

type TRow = {
  counts: Record<string, number> | null;
  page: (Omit<TSearchHit, "sortAt"> & { sortAt: string })[] | null;
  capped: string[] | null;
};

/**
 * Ranked search over the index: a hit in the title ranks first (an exact title before the others),
 * then 编码 / 文号 / 主题词 / 申请材料, then the body; recency breaks ties. Candidates come from the
 * GIN gram indexes (every gram of the query present), then the phrase itself is checked.
 */
export async function findEntries(
  input: {
    q: string;
    type?: TSearchType;
    page?: number;
    pageSize?: number;
    synonyms: string[][];
    now?: Date;
  } & TDbOption,
): Promise<TSearchFound> {
  const prisma = await clientOf(input);
  const terms = expandQuery(normalizeText(input.q), input.synonyms);
  const pageSize = input.pageSize ?? searchPageSize;
  const page = Math.max(1, input.page ?? 1);
  const now = input.now ?? new Date();
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
  const bodyTerms = terms.filter((t) => Array.from(t).length > 1);
  const exact = bodyTerms.every(gramsAreExact);
  const perType = (type: TSearchType) => {
    const body = bodyTerms.length
      ? Prisma.sql`UNION ALL (SELECT e.id, e.type, e."sortAt", 3 AS tier, 'body' AS src FROM "SearchEntry" e
          WHERE e.type = ${type} AND ${visible} AND (${Prisma.join(
            bodyTerms.map((t) => Prisma.sql`e."bodyGrams" @> ${gramArray(t, type)}`),
            " OR ",
          )}) LIMIT ${exact ? headCap : bodyCap})`
      : Prisma.empty;
    return Prisma.sql`
      (SELECT e.id, e.type, e."sortAt", 0 AS tier, 'exact' AS src FROM "SearchEntry" e WHERE e.type = ${type} AND ${visible} AND (e."titleNorm" = ANY(${terms}::text[]) OR e."titleEnNorm" = ANY(${terms}::text[])) LIMIT ${headCap})
      UNION ALL (SELECT e.id, e.type, e."sortAt", CASE WHEN ${titleHit} THEN 1 ELSE 2 END AS tier, 'head' AS src FROM "SearchEntry" e WHERE e.type = ${type} AND ${visible} AND (${headMatch(type)}) LIMIT ${headCap})
      ${body}`;
  };
  const verify = exact
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM "SearchBody" b WHERE b."entryId" = c.id AND (${Prisma.join(
        bodyTerms.map((t) => Prisma.sql`strpos(b."text", ${t}) > 0`),
        " OR ",
      )}))`;
  const query = Prisma.sql`
    WITH cand AS MATERIALIZED (${Prisma.join(searchTypes.map(perType), " UNION ALL ")}),
    capped AS (SELECT type FROM cand GROUP BY type, src HAVING (src = 'head' AND count(*) >= ${headCap}) OR (src = 'body' AND count(*) >= ${exact ? headCap : bodyCap})),
    hits AS (
      SELECT * FROM (SELECT DISTINCT ON (c.id) c.id, c.type, c."sortAt", c.tier FROM cand c ORDER BY c.id, c.tier) c
      WHERE c.tier < 3 OR ${verify}
    )
    SELECT
      (SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM hits GROUP BY type) x) AS counts,
      (SELECT array_agg(DISTINCT type) FROM capped) AS capped,
      (SELECT json_agg(p) FROM (
        SELECT h.id AS "entryId", h.type, e."refId", e."key", e.title, e."titleEn", e."sortAt", h.tier
        FROM hits h JOIN "SearchEntry" e ON e.id = h.id WHERE ${input.type ? Prisma.sql`h.type = ${input.type}` : Prisma.sql`TRUE`}
        ORDER BY h.tier, h."sortAt" DESC, h.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      ) p) AS page`;
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
  return {
    terms,
    // JSON gives the stored UTC wall-clock time without a zone: read it as UTC
    hits: (row.page ?? []).map((h) => ({
      ...h,
      sortAt: new Date(/(Z|[+-]\d\d:?\d\d)$/.test(h.sortAt) ? h.sortAt : `${h.sortAt}Z`),
    })),
    counts,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    more: (row.capped ?? []) as TSearchType[],
  };
}
