// No "server-only" marker: the seed and the volume generator (tsx scripts) call rebuildSearchIndex.
import { Prisma, type PrismaClient } from "../db/generated/client";
import { publicItemWhere } from "../shared/publicItems";
import {
  consultationEntry,
  documentEntry,
  letterEntry,
  noticeEntry,
  searchTypes,
  serviceEntry,
  utc,
  type TSearchEntryData,
  type TSearchType,
} from "./entries";
import { applyTermCounts, replaceTermCounts, TermCounts } from "./termCounts";

type Tx = PrismaClient | Prisma.TransactionClient;

const serviceFields = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  summary: true,
  summaryEn: true,
  materials: true,
  conditions: true,
  process: true,
  legalBasis: true,
  faq: true,
  specialSteps: true,
  resultName: true,
  fee: true,
  updatedAt: true,
} as const;
const documentFields = {
  id: true,
  indexNo: true,
  title: true,
  titleEn: true,
  docNumber: true,
  keywords: true,
  summary: true,
  body: true,
  publishedAt: true,
  updatedAt: true,
} as const;
const noticeFields = {
  id: true,
  title: true,
  titleEn: true,
  body: true,
  source: true,
  publishedAt: true,
  expiresAt: true,
  updatedAt: true,
} as const;

const letterFields = {
  id: true,
  number: true,
  publicSubject: true,
  publicContent: true,
  publicReply: true,
  publishedAt: true,
  updatedAt: true,
} as const;

const consultationFields = {
  id: true,
  title: true,
  summary: true,
  body: true,
  feedback: true,
  status: true,
  opensAt: true,
  updatedAt: true,
} as const;

type TNewestBy = "updatedAt" | "publishedAt" | "opensAt";
/** What the index needs of a table to count and list its public rows, newest first. */
type TListedTable = {
  count(args: { where: object }): Promise<number>;
  findMany(args: {
    where: object;
    select: { id: true };
    orderBy: Partial<Record<TNewestBy | "id", "desc">>[];
  }): Promise<{ id: string }[]>;
};
/** What the index needs of a table to read rows: S selects the fields of an entry, R is a row so read. */
type TReadTable<S, R> = { findMany(args: { where: object; select: S }): Promise<R[]> };

/**
 * One type of item in the index: its table, its public rows (`publicWhere`), listed newest first by
 * `newestBy`, and how a row read with `select` becomes an entry.
 */
function indexed<S, R>(
  table: TListedTable & TReadTable<NoInfer<S>, NoInfer<R>>,
  publicWhere: object,
  newestBy: TNewestBy,
  select: S,
  entry: (row: R) => TSearchEntryData,
) {
  return {
    publicWhere,
    count: () => table.count({ where: publicWhere }),
    newestIds: () =>
      table.findMany({
        where: publicWhere,
        select: { id: true },
        orderBy: [{ [newestBy]: "desc" }, { id: "desc" }],
      }),
    /** the entries of the rows `where` finds */
    entries: async (where: object) => (await table.findMany({ where, select })).map(entry),
  };
}

/** Each type of item as `tx` reads it, with its public rows at `now`. */
function indexedTypes(tx: Tx, now: Date) {
  const visible = publicItemWhere(now);
  return {
    service: indexed(tx.service, visible.service, "updatedAt", serviceFields, serviceEntry),
    document: indexed(tx.disclosureDocument, visible.document, "publishedAt", documentFields, documentEntry),
    notice: indexed(tx.notice, visible.notice, "publishedAt", noticeFields, noticeEntry),
    letter: indexed(tx.letter, visible.letter, "publishedAt", letterFields, letterEntry),
    consultation: indexed(
      tx.consultation,
      visible.consultation,
      "opensAt",
      consultationFields,
      consultationEntry,
    ),
  } satisfies Record<TSearchType, unknown>;
}

async function readEntry(tx: Tx, ref: { type: TSearchType; id: string }): Promise<TSearchEntryData | null> {
  const indexedType = indexedTypes(tx, new Date())[ref.type];
  const [entry] = await indexedType.entries({ id: ref.id, ...indexedType.publicWhere });
  return entry ?? null;
}

/**
 * Brings one item's search entry up to date: written when the item is public (a published
 * service or document, a published notice not yet expired), removed otherwise. Call it in the
 * transaction that publishes, edits, unpublishes or archives the item; given a client instead (a
 * notice's step after its commit, the expiry job), it runs in a transaction of its own. Either way
 * the entry's refreshes take turns (a transaction-scoped lock on the item): two at once would both
 * count the same previous entry out, and the counts decide what can be found at all (search.ts
 * leaves out a form with a gram no entry holds).
 */
export async function refreshSearchEntry(prisma: Tx, ref: { type: TSearchType; id: string }): Promise<void> {
  // a transaction's client has no $connect (it may start nested transactions: not what is wanted)
  if (typeof (prisma as PrismaClient).$connect === "function")
    return (prisma as PrismaClient).$transaction((tx) => refreshSearchEntry(tx, ref));
  await prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`search:${ref.type}:${ref.id}`}))`;
  const entry = await readEntry(prisma, ref);
  // the ranking's counts move with the entry: the old one counted out, the new one in
  const previous = await prisma.searchEntry.findUnique({
    where: { type_refId: { type: ref.type, refId: ref.id } },
    select: {
      headGrams: true,
      bodyGrams: true,
      titleNorm: true,
      titleEnNorm: true,
      metaNorm: true,
      body: { select: { text: true } },
    },
  });
  const counts = new TermCounts();
  if (previous) counts.add({ ...previous, bodyText: previous.body?.text ?? "" }, -1);
  if (entry) counts.add(entry);
  await applyTermCounts(prisma, counts);
  if (!entry) {
    await prisma.searchEntry.deleteMany({ where: { type: ref.type, refId: ref.id } });
    return;
  }
  const { bodyText, ...row } = entry;
  const saved = await prisma.searchEntry.upsert({
    where: { type_refId: { type: ref.type, refId: ref.id } },
    create: row,
    update: row,
    select: { id: true },
  });
  await prisma.searchBody.upsert({
    where: { entryId: saved.id },
    create: { entryId: saved.id, text: bodyText },
    update: { text: bodyText },
  });
}

const batchSize = 500;
const ginIndexes = [
  `CREATE INDEX IF NOT EXISTS "SearchEntry_headGrams_idx" ON "SearchEntry" USING GIN ("headGrams")`,
  `CREATE INDEX IF NOT EXISTS "SearchEntry_bodyGrams_idx" ON "SearchEntry" USING GIN ("bodyGrams")`,
];

async function insertBatch(
  prisma: PrismaClient,
  entries: TSearchEntryData[],
  counts: TermCounts,
): Promise<void> {
  if (!entries.length) return;
  for (const entry of entries) counts.add(entry);
  const col = <T>(pick: (e: TSearchEntryData) => T) => entries.map(pick);
  const arrays = (pick: (e: TSearchEntryData) => number[]) => entries.map((e) => `{${pick(e).join(",")}}`);
  const ids = await prisma.$queryRaw<{ id: number; refId: string }[]>`
    INSERT INTO "SearchEntry" ("type", "refId", "key", "title", "titleEn", "titleNorm", "titleEnNorm", "metaNorm", "headGrams", "bodyGrams", "sortAt", "visibleFrom", "visibleUntil", "updatedAt")
    SELECT t, r, k, ti, te, tn, ten, mn, hg::int4[], bg::int4[], sa, vf, vu, now()
    FROM unnest(${col((e) => e.type)}::text[], ${col((e) => e.refId)}::text[], ${col((e) => e.key)}::text[], ${col((e) => e.title)}::text[], ${col((e) => e.titleEn)}::text[],
                ${col((e) => e.titleNorm)}::text[], ${col((e) => e.titleEnNorm)}::text[], ${col((e) => e.metaNorm)}::text[], ${arrays((e) => e.headGrams)}::text[], ${arrays((e) => e.bodyGrams)}::text[],
                ${col((e) => utc(e.sortAt))}::timestamp[], ${col((e) => utc(e.visibleFrom))}::timestamp[], ${col((e) => utc(e.visibleUntil))}::timestamp[])
      AS u(t, r, k, ti, te, tn, ten, mn, hg, bg, sa, vf, vu)
    RETURNING "id", "refId"`;
  // one batch holds one type, so refId identifies the row
  const bodies = new Map(entries.map((e) => [e.refId, e.bodyText]));
  await prisma.$executeRaw`INSERT INTO "SearchBody" ("entryId", "text") SELECT * FROM unnest(${ids.map((r) => r.id)}::int4[], ${ids.map((r) => bodies.get(r.refId) ?? "")}::text[])`;
}

/**
 * Rebuilds the whole index from the public items (after the demo seed or a bulk import): the
 * GIN indexes are dropped while rows go in by the batch and built once at the end. Returns the
 * number of entries.
 */
export async function rebuildSearchIndex(input: {
  /** given, not resolved: the seed and the operator scripts call this with their own client */
  db: PrismaClient;
  onProgress?: (done: number, total: number) => void;
}): Promise<number> {
  const { db: prisma } = input;
  const types = indexedTypes(prisma, new Date());
  const counts = await Promise.all(searchTypes.map((type) => types[type].count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "SearchEntry_headGrams_idx"`);
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "SearchEntry_bodyGrams_idx"`);
  await prisma.$executeRawUnsafe(`TRUNCATE "SearchEntry", "SearchBody"`);
  const termCounts = new TermCounts();
  let done = 0;
  const report = (count: number) => {
    done += count;
    input.onProgress?.(Math.min(done, total), total);
  };
  // newest first: a query reads a common term's candidates newest first (by "sortAt", whatever
  // the storage order), and written in that order they lie on neighbouring pages
  for (const type of searchTypes) {
    const { newestIds, entries } = types[type];
    const ids = (await newestIds()).map((row) => row.id);
    for (let i = 0; i < ids.length; i += batchSize) {
      const chunk = ids.slice(i, i + batchSize);
      const byId = new Map((await entries({ id: { in: chunk } })).map((entry) => [entry.refId, entry]));
      await insertBatch(
        prisma,
        chunk.flatMap((id) => byId.get(id) ?? []),
        termCounts,
      );
      report(chunk.length);
    }
  }
  // at once: a search between the truncation and the last batch would find no count for its grams
  await prisma.$transaction((tx) => replaceTermCounts(tx, termCounts), { timeout: 10 * 60_000 });
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const sql of ginIndexes) await tx.$executeRawUnsafe(sql);
    },
    { timeout: 30 * 60_000 },
  );
  await prisma.$executeRawUnsafe(`ANALYZE "SearchEntry"`);
  await prisma.$executeRawUnsafe(`ANALYZE "SearchBody"`);
  await prisma.$executeRawUnsafe(`ANALYZE "SearchGramCount"`);
  return done;
}
