import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { clientOf, publicReadClientOf, type TDbOption } from "../db/client";
import { keptRead } from "../cache/keptReads";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";
import { highlight, snippet, type TSegment } from "./highlight";
import { findEntries, type TSearchHit } from "./search";
import { gramsOf, normalizeText, plainText } from "./normalize";
import type { TSearchType } from "./entries";
import type { TSearchQuery } from "./schema";

/** The synonym groups as administrators saved them, oldest first, with what the edit form needs. */
export async function listSynonymGroups(input: TDbOption = {}) {
  return (await clientOf(input)).searchSynonym.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, terms: true, version: true, updatedAt: true },
  });
}

const synonymTerms = async (prisma?: PrismaClient) =>
  (await listSynonymGroups({ db: prisma })).map((group) => group.terms);
// the server's groups, kept as the field totals are: editSynonyms announces each change (contentChanged),
// which drops them at once; without it every search read the table again, a statement of its own
const serverSynonymTerms = keptRead("search.synonyms", () => synonymTerms());

type TSearchResult = {
  type: TSearchType;
  /** the public key: service code, 索引号, notice id */
  key: string;
  path: string;
  title: TSegment[];
  /** the language of the title and of the snippet */
  lang: TLocale;
  snippet: TSegment[] | null;
  snippetLang: TLocale;
  date: Date;
};

const pathOf = (type: TSearchType, key: string) =>
  type === "service"
    ? `/services/${key}`
    : type === "document"
      ? `/disclosure/${key}`
      : type === "letter"
        ? `/letters/${key}`
        : type === "consultation"
          ? `/consultations/${key}`
          : `/notices/${key}`;

type TSource = { text: string; lang: "zh-Hans" | "en" };
const zh = (text: string | null | undefined): TSource => ({ text: text ?? "", lang: "zh-Hans" });

/**
 * The texts a snippet may come from, most telling first, for each hit. Only the types on the page
 * are read: a statement for a type without a hit still costs its round trip (on the embedded
 * database a turn of its one connection) to find nothing.
 */
async function snippetSources(prisma: PrismaClient, hits: TSearchHit[]): Promise<Map<number, TSource[]>> {
  const ids = (type: TSearchType) => hits.filter((h) => h.type === type).map((h) => h.refId);
  const read = <T>(type: TSearchType, find: (ids: string[]) => Promise<T[]>): Promise<T[]> =>
    ids(type).length ? find(ids(type)) : Promise.resolve([]);
  const [services, documents, notices, letters, consultations] = await Promise.all([
    read("service", (ids) =>
      prisma.service.findMany({
        where: { id: { in: ids } },
        select: { id: true, code: true, summary: true, summaryEn: true, materials: true },
      }),
    ),
    read("document", (ids) =>
      prisma.disclosureDocument.findMany({
        where: { id: { in: ids } },
        select: { id: true, indexNo: true, docNumber: true, keywords: true, summary: true, body: true },
      }),
    ),
    read("notice", (ids) =>
      prisma.notice.findMany({ where: { id: { in: ids } }, select: { id: true, source: true, body: true } }),
    ),
    read("letter", (ids) =>
      prisma.letter.findMany({
        where: { id: { in: ids }, status: "PUBLISHED" },
        select: { id: true, publicContent: true, publicReply: true },
      }),
    ),
    read("consultation", (ids) =>
      prisma.consultation.findMany({
        where: { id: { in: ids }, status: { not: "DRAFT" } },
        select: { id: true, summary: true, body: true },
      }),
    ),
  ]);
  const byRef = new Map<string, TSource[]>();
  for (const s of services) {
    const materials = Array.isArray(s.materials)
      ? s.materials
          .map((m) => (m && typeof m === "object" && "name" in m ? String(m.name) : ""))
          .filter(Boolean)
          .join("、")
      : "";
    byRef.set(`service:${s.id}`, [
      zh(s.summary),
      { text: s.summaryEn ?? "", lang: "en" },
      zh(materials),
      zh(s.code),
    ]);
  }
  for (const d of documents)
    byRef.set(`document:${d.id}`, [
      zh(d.summary),
      zh([d.indexNo, d.docNumber, d.keywords].filter(Boolean).join(" · ")),
      zh(plainText(d.body)),
    ]);
  for (const n of notices) byRef.set(`notice:${n.id}`, [zh(plainText(n.body)), zh(n.source)]);
  for (const l of letters) byRef.set(`letter:${l.id}`, [zh(l.publicContent), zh(l.publicReply)]);
  for (const c of consultations) byRef.set(`consultation:${c.id}`, [zh(c.summary), zh(plainText(c.body))]);
  return new Map(hits.map((h) => [h.entryId, byRef.get(`${h.type}:${h.refId}`) ?? []]));
}

/** Segments in the visitor's script (zh-Hant converted piece by piece, so marks stay where they were). */
const inLocale = (locale: TLocale, segments: TSegment[]) =>
  locale === "zh-Hant" ? segments.map((s) => ({ ...s, text: lt(locale, s.text) })) : segments;

/**
 * One search over public services, documents and notices for the search page and the API:
 * ranked hits of one page, counts per type, and for each hit its title and an excerpt with the
 * matches marked (as data: the page renders <mark> elements, never HTML).
 */
export async function searchPortal(input: { query: TSearchQuery; locale: TLocale } & TDbOption) {
  const { query, locale } = input;
  const prisma = await publicReadClientOf(input);
  const found = await findEntries({
    db: prisma,
    q: query.q,
    type: query.type,
    page: query.page,
    synonyms: input.db ? await synonymTerms(input.db) : await serverSynonymTerms(),
  });
  const sources = await snippetSources(prisma, found.hits);
  const results: TSearchResult[] = found.hits.map((hit) => {
    const english = locale === "en" && !!hit.titleEn;
    const title = english ? hit.titleEn! : hit.title;
    // English pages prefer English text, the others Chinese
    const texts = (sources.get(hit.entryId) ?? [])
      .filter((source) => source.text)
      .sort((a, b) => Number(b.lang === "en") - Number(a.lang === "en"))
      .filter((source) => locale === "en" || source.lang !== "en");
    const matched = texts
      .map((source) => ({ source, segments: snippet(source.text, found.terms) }))
      .find((m) => m.segments);
    const fallback = texts.find((source) => source.lang === (locale === "en" ? "en" : "zh-Hans")) ?? texts[0];
    const excerpt = matched?.segments
      ? { source: matched.source, segments: matched.segments }
      : fallback
        ? {
            source: fallback,
            segments: [
              {
                text:
                  Array.from(fallback.text).slice(0, 90).join("") +
                  (Array.from(fallback.text).length > 90 ? "…" : ""),
                mark: false,
              },
            ],
          }
        : null;
    const snippetLang: TLocale = excerpt?.source.lang === "en" ? "en" : locale === "en" ? "zh-Hans" : locale;
    return {
      type: hit.type,
      key: hit.key,
      path: pathOf(hit.type, hit.key),
      title: inLocale(locale, highlight(title, found.terms)),
      lang: english || locale !== "en" ? locale : "zh-Hans",
      snippet: excerpt ? inLocale(snippetLang, excerpt.segments) : null,
      snippetLang,
      date: hit.sortAt,
    };
  });
  return { ...found, results };
}

/**
 * For a search with no results: the published services whose names share the most characters
 * with the query (hot services when none does).
 */
export async function suggestServices(input: { q: string; limit?: number } & TDbOption) {
  const { q, limit = 5 } = input;
  const prisma = await publicReadClientOf(input);
  const services = await prisma.searchEntry.findMany({
    where: { type: "service" },
    select: { key: true, title: true, titleEn: true, titleNorm: true, titleEnNorm: true },
  });
  const wanted = new Set([
    ...gramsOf(normalizeText(q)),
    ...Array.from(normalizeText(q)).filter((c) => c.trim()),
  ]);
  const scored = services
    .map((s) => {
      const have = new Set<unknown>([
        ...gramsOf(s.titleNorm),
        ...Array.from(s.titleNorm),
        ...gramsOf(s.titleEnNorm),
      ]);
      let score = 0;
      for (const g of wanted) if (have.has(g)) score += typeof g === "number" ? 2 : 1;
      return { ...s, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.title.length - b.title.length);
  if (scored.length)
    return scored
      .slice(0, limit)
      .map(({ key, title, titleEn }) => ({ code: key, name: title, nameEn: titleEn }));
  const hot = await prisma.service.findMany({
    where: { published: true, hot: true },
    orderBy: { code: "asc" },
    take: limit,
    select: { code: true, name: true, nameEn: true },
  });
  return hot;
}
