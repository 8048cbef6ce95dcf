import "server-only";
import { Prisma } from "../db/generated/client";
import { gramsAreExact, queryGrams } from "./normalize";
import { maxLongerWindowRows } from "./readPlan";
import { searchTypes, typeGram, utc, type TSearchType } from "./entries";

/**
 * A field's features for BM25: its length, then the occurrences of each form (0 for a form that
 * cannot match there: a single character in the body).
 */
export const features = (field: Prisma.Sql, forms: (string | null)[]) =>
  Prisma.sql`ARRAY[char_length(${field}), ${Prisma.join(
    forms.map((t) =>
      t === null
        ? Prisma.sql`0`
        : Prisma.sql`(char_length(${field}) - char_length(replace(${field}, ${t}::text, ''))) / char_length(${t}::text)`,
    ),
  )}]`;

/** One-character forms are looked for in the heading fields only. */
export const inBody = (term: string) => Array.from(term).length > 1;

/**
 * The one statement of a search: the exact titles (one lookup for every type), then per type the
 * heading and the body matches, each read newest first up to its cap; their tier and BM25
 * features, the counts per type, the types that reached a cap, and the statistics ranking needs
 * (rank.ts). Every subquery costs planning time on each search (the statement is never prepared
 * twice), so there are as few as the caps per type allow.
 */
export function candidateQuery(input: {
  terms: string[];
  type?: TSearchType;
  now: Date;
  caps: { head: number; body: number };
  /** per type and source, the newest rows of the type to walk first, or null for the GIN bitmap alone (readPlan.ts) */
  windows: Record<TSearchType, { head: number | null; body: number | null }>;
  /** the ranked results asked for (page × page size): tiers below those that fill them stay in the database */
  needed: number;
}) {
  const { terms, now } = input;
  const { head: headCap, body: bodyCap } = input.caps;
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
  const bodyTerms = terms.filter(inBody);
  const bodyForms = terms.map((t) => (inBody(t) ? t : null));
  const exact = bodyTerms.every(gramsAreExact);
  const newest = Prisma.sql`ORDER BY e."sortAt" DESC, e.id DESC`;
  // a type's rows in one order throughout, so that a walk on from a window's end meets no row twice and skips none
  const newestRows = Prisma.sql`ORDER BY x."sortAt" DESC, x.id DESC`;
  const headColumns = Prisma.sql`e.id, e.type, e."sortAt", CASE WHEN ${titleHit} THEN 1 ELSE 2 END AS tier, 'head' AS src,
        CASE WHEN ${titleHit} THEN ${features(Prisma.sql`e."titleNorm"`, terms)} ELSE ${features(Prisma.sql`e."metaNorm"`, terms)} END AS a,
        CASE WHEN ${titleHit} THEN ${features(Prisma.sql`e."titleEnNorm"`, terms)} END AS b`;
  const bodyColumns = Prisma.sql`e.id, e.type, e."sortAt", 3 AS tier, 'body' AS src, NULL::int[] AS a, NULL::int[] AS b`;
  const bodyMatch = (type: TSearchType) =>
    Prisma.join(
      bodyTerms.map((t) => Prisma.sql`e."bodyGrams" @> ${gramArray(t, type)}`),
      " OR ",
    );
  const windows: Prisma.Sql[] = [];
  /**
   * The newest `cap` matches of one type and source (readPlan.ts): from the GIN bitmap (no
   * condition on the type column, whose marker is in the gram arrays, so that the (type, sortAt)
   * index cannot offer its order), or first from a window of the type's newest rows, the bitmap
   * then only when the window came back short.
   */
  const newestMatches = (input: {
    name: string;
    type: TSearchType;
    columns: Prisma.Sql;
    match: Prisma.Sql;
    cap: number;
    window: number | null;
  }) => {
    const bitmap = (gate: Prisma.Sql) =>
      Prisma.sql`(SELECT ${input.columns} FROM "SearchEntry" e WHERE ${visible} AND (${input.match}) ${gate} ${newest} LIMIT ${input.cap})`;
    if (input.window === null) return bitmap(Prisma.empty);
    const name = Prisma.raw(`"w_${input.name}"`);
    windows.push(Prisma.sql`${name} AS MATERIALIZED (SELECT ${input.columns} FROM
      (SELECT * FROM "SearchEntry" x WHERE x.type = ${input.type} ${newestRows} LIMIT ${input.window}) e
      WHERE ${visible} AND (${input.match}) ${newest} LIMIT ${input.cap})`);
    const found = Prisma.sql`(SELECT count(*) FROM ${name})`;
    // a short window tells the density: dense enough, a longer walk of the size it shows (within its
    // budget: what it finds is the newest, the type then counts as having more); else the bitmap
    const longer = Prisma.sql`(SELECT least(${maxLongerWindowRows}, ceil(${input.window * input.cap * 1.5} / greatest(count(*), 1)))::int FROM ${name})`;
    // the longer walk goes on from the window's end: the window's rows, checked already, are its first
    // matches (a match is a containment test on the whole gram array: a row read twice cost twice)
    const walking = Prisma.sql`${found} < ${input.cap} AND ${found} * 10 >= ${input.cap}`;
    // the window's matches: all of the type's newest when it filled, else the first of the walk
    return Prisma.sql`(SELECT w.id, w.type, w."sortAt", w.tier, CASE WHEN ${found} >= ${input.cap} THEN w.src ELSE 'walked' END AS src, w.a, w.b
        FROM ${name} w WHERE ${found} * 10 >= ${input.cap})
      UNION ALL (SELECT l.id, l.type, l."sortAt", l.tier, 'walked' AS src, l.a, l.b FROM (SELECT ${input.columns} FROM
        (SELECT * FROM "SearchEntry" x WHERE x.type = ${input.type} ${newestRows}
          OFFSET ${input.window} LIMIT greatest(${longer} - ${input.window}, 0)) e
        WHERE ${visible} AND (${input.match}) AND ${walking} ${newest} LIMIT (SELECT ${input.cap} - count(*) FROM ${name})) l)
      UNION ALL ${bitmap(Prisma.sql`AND ${found} * 10 < ${input.cap}`)}`;
  };
  // the body is searched only for forms of two characters or more
  const sources = [
    { src: "head", columns: headColumns, match: headMatch, cap: headCap },
    ...(bodyTerms.length
      ? [{ src: "body" as const, columns: bodyColumns, match: bodyMatch, cap: bodyCap }]
      : []),
  ] as const;
  const perType = (type: TSearchType) =>
    Prisma.join(
      sources.map(({ src, match, ...source }) =>
        newestMatches({
          ...source,
          name: `${src}_${type}`,
          type,
          match: match(type),
          window: input.windows[type][src],
        }),
      ),
      " UNION ALL ",
    );
  // a phrase of several bigrams is confirmed on the text, and its features read from it at once
  const verified = exact
    ? Prisma.sql`SELECT c.id, c.type, c."sortAt", c.tier, c.a, c.b FROM best c`
    : Prisma.sql`SELECT c.id, c.type, c."sortAt", c.tier, CASE WHEN c.tier = 3 THEN ${features(Prisma.sql`b."text"`, bodyForms)} ELSE c.a END AS a, c.b
        FROM best c LEFT JOIN "SearchBody" b ON c.tier = 3 AND b."entryId" = c.id
        WHERE c.tier < 3 OR (${Prisma.join(
          bodyTerms.map((t) => Prisma.sql`strpos(b."text", ${t}) > 0`),
          " OR ",
        )})`;
  const cand = Prisma.join(searchTypes.map(perType), " UNION ALL ");
  const query = Prisma.sql`
    WITH ${windows.length ? Prisma.sql`${Prisma.join(windows, ", ")},` : Prisma.empty}
    cand AS MATERIALIZED (
      (SELECT e.id, e.type, e."sortAt", 0 AS tier, 'exact' AS src, NULL::int[] AS a, NULL::int[] AS b FROM "SearchEntry" e WHERE ${visible} AND (e."titleNorm" = ANY(${terms}::text[]) OR e."titleEnNorm" = ANY(${terms}::text[])) ${newest} LIMIT ${headCap})
      UNION ALL ${cand}),
    capped AS (SELECT type FROM cand GROUP BY type, src HAVING (src = 'head' AND count(*) >= ${headCap}) OR (src = 'body' AND count(*) >= ${bodyCap}) OR src = 'walked'),
    best AS (SELECT DISTINCT ON (c.id) c.* FROM cand c ORDER BY c.id, c.tier),
    hits AS MATERIALIZED (${verified}),
    shown AS (SELECT * FROM hits h WHERE ${input.type ? Prisma.sql`h.type = ${input.type}` : Prisma.sql`TRUE`}),
    tiers AS (SELECT tier, count(*) AS n FROM shown GROUP BY tier),
    deepest AS (SELECT coalesce(min(t.tier), 3) AS tier FROM tiers t WHERE (SELECT sum(u.n) FROM tiers u WHERE u.tier <= t.tier) >= ${input.needed})
    SELECT
      (SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM hits GROUP BY type) x) AS counts,
      (SELECT array_agg(DISTINCT type) FROM capped) AS capped,
      (SELECT json_agg(json_build_array(h.id, h.type, h.tier, h."sortAt", h.a, h.b)) FROM shown h
        WHERE h.tier <= (SELECT tier FROM deepest)) AS candidates`;
  return { query, bodyForms };
}
