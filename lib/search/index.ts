// No "server-only" marker: the seed and the volume generator (tsx scripts) call rebuildSearchIndex.
import { Prisma, type PrismaClient } from "../db/generated/client";
import { currentNoticeWhere } from "../shared/noticeVisibility";
import {
  consultationEntry,
  documentEntry,
  letterEntry,
  noticeEntry,
  serviceEntry,
  utc,
  type TSearchEntryData,
  type TSearchType,
} from "./entries";

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
/** A consultation is public from its opening (its feedback from publication: consultationEntry). */
const indexableConsultation = { status: { not: "DRAFT" } } as const;

/** Notices residents may see listed (the expiry is checked again at query time). */
const indexableNotice = currentNoticeWhere;

async function readEntry(tx: Tx, ref: { type: TSearchType; id: string }): Promise<TSearchEntryData | null> {
  switch (ref.type) {
    case "service": {
      const s = await tx.service.findFirst({ where: { id: ref.id, published: true }, select: serviceFields });
      return s ? serviceEntry(s) : null;
    }
    case "document": {
      const d = await tx.disclosureDocument.findFirst({
        where: { id: ref.id, status: "PUBLISHED" },
        select: documentFields,
      });
      return d ? documentEntry(d) : null;
    }
    case "notice": {
      const n = await tx.notice.findFirst({
        where: { id: ref.id, ...indexableNotice(new Date()) },
        select: noticeFields,
      });
      return n ? noticeEntry(n) : null;
    }
    case "letter": {
      const l = await tx.letter.findFirst({
        where: { id: ref.id, status: "PUBLISHED" },
        select: letterFields,
      });
      return l ? letterEntry(l) : null;
    }
    case "consultation": {
      const c = await tx.consultation.findFirst({
        where: { id: ref.id, ...indexableConsultation },
        select: consultationFields,
      });
      return c ? consultationEntry(c) : null;
    }
  }
}

/**
 * Brings one item's search entry up to date: written when the item is public (a published
 * service or document, a published notice not yet expired), removed otherwise. Call it in the
 * transaction that publishes, edits, unpublishes or archives the item.
 */
export async function refreshSearchEntry(prisma: Tx, ref: { type: TSearchType; id: string }): Promise<void> {
  const entry = await readEntry(prisma, ref);
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

async function insertBatch(prisma: PrismaClient, entries: TSearchEntryData[]): Promise<void> {
  if (!entries.length) return;
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
  const now = new Date();
  const [services, documents, notices, letters, consultations] = await Promise.all([
    prisma.service.count({ where: { published: true } }),
    prisma.disclosureDocument.count({ where: { status: "PUBLISHED" } }),
    prisma.notice.count({ where: indexableNotice(now) }),
    prisma.letter.count({ where: { status: "PUBLISHED" } }),
    prisma.consultation.count({ where: indexableConsultation }),
  ]);
  const total = services + documents + notices + letters + consultations;
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "SearchEntry_headGrams_idx"`);
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "SearchEntry_bodyGrams_idx"`);
  await prisma.$executeRawUnsafe(`TRUNCATE "SearchEntry", "SearchBody"`);
  let done = 0;
  const report = (count: number) => {
    done += count;
    input.onProgress?.(Math.min(done, total), total);
  };
  // newest first: a query reads at most a few hundred candidates per type in table order, so
  // these should be the most recent ones
  async function each<T extends { id: string }>(
    ids: { id: string }[],
    read: (ids: string[]) => Promise<T[]>,
    build: (row: T) => TSearchEntryData,
  ) {
    for (let i = 0; i < ids.length; i += batchSize) {
      const chunk = ids.slice(i, i + batchSize).map((r) => r.id);
      const byId = new Map((await read(chunk)).map((row) => [row.id, row]));
      await insertBatch(
        prisma,
        chunk.flatMap((id) => {
          const row = byId.get(id);
          return row ? [build(row)] : [];
        }),
      );
      report(chunk.length);
    }
  }
  // the ids of a table's indexable rows, newest first by `field`
  const newestIds = (field: "updatedAt" | "publishedAt" | "opensAt") => ({
    select: { id: true },
    orderBy: [{ [field]: "desc" as const }, { id: "desc" as const }],
  });
  await each(
    await prisma.service.findMany({ where: { published: true }, ...newestIds("updatedAt") }),
    (ids) => prisma.service.findMany({ where: { id: { in: ids } }, select: serviceFields }),
    serviceEntry,
  );
  await each(
    await prisma.disclosureDocument.findMany({ where: { status: "PUBLISHED" }, ...newestIds("publishedAt") }),
    (ids) => prisma.disclosureDocument.findMany({ where: { id: { in: ids } }, select: documentFields }),
    documentEntry,
  );
  await each(
    await prisma.notice.findMany({ where: indexableNotice(now), ...newestIds("publishedAt") }),
    (ids) => prisma.notice.findMany({ where: { id: { in: ids } }, select: noticeFields }),
    noticeEntry,
  );
  await each(
    await prisma.letter.findMany({ where: { status: "PUBLISHED" }, ...newestIds("publishedAt") }),
    (ids) => prisma.letter.findMany({ where: { id: { in: ids } }, select: letterFields }),
    letterEntry,
  );
  await each(
    await prisma.consultation.findMany({ where: indexableConsultation, ...newestIds("opensAt") }),
    (ids) => prisma.consultation.findMany({ where: { id: { in: ids } }, select: consultationFields }),
    consultationEntry,
  );
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const sql of ginIndexes) await tx.$executeRawUnsafe(sql);
    },
    { timeout: 30 * 60_000 },
  );
  await prisma.$executeRawUnsafe(`ANALYZE "SearchEntry"`);
  await prisma.$executeRawUnsafe(`ANALYZE "SearchBody"`);
  return done;
}
