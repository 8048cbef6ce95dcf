/**
 * Fills a database with made-up documents, notices and cases for benchmarks, in batches of
 * multi-row INSERTs, one transaction per batch together with the serial tables it advances
 * (IndexSerial for 索引号, DailySerial for 办件编号), so publishing and submitting afterwards
 * continue the numbering. Generated rows have ids starting `vol-`: a second run counts them and
 * resumes after the last committed batch, making exactly the rows a single run would have.
 */
import type { PrismaClient } from "../../lib/db/generated/client";
import { chinaDay } from "../../lib/calendar/workdays";
import type { TVolumeOptions } from "./args";
import { makeDocument, type TDepartmentRef } from "./content";
import { makeNotice } from "./notices";
import { insertRows, ts, type TColumn, type TSqlValue } from "./insert";
import { volumeNoticeId } from "./planted";
import { communityRefs, existing, inBatches, pad, type TLog, type TRun } from "./batches";
import { writeCases } from "./writeCases";
import { rebuildSearchIndexLogged } from "./searchIndex";

export { GenerationStopped, requestStop } from "./batches";

const settingKey = "volumeGenerator";

export type TVolumeResult = {
  documents: number;
  notices: number;
  cases: number;
  events: number;
  seconds: number;
};

export const volumeDocumentId = (index: number) => `vol-d-${pad(index, 7)}`;

/** The run's seed and end day, kept in the database so a resumed run makes the same rows. */
async function runSettings(prisma: PrismaClient, options: TVolumeOptions): Promise<TRun> {
  const stored = await prisma.siteSetting.findUnique({ where: { key: settingKey } });
  if (stored) {
    const value = stored.value as { seed: number; endDay: string };
    if (value.seed !== options.seed)
      throw new Error(
        `this database was generated with --seed ${value.seed}; resume with the same seed or use a fresh database`,
      );
    return value;
  }
  // up to yesterday by default, so no generated moment lies in the future
  const value = {
    seed: options.seed,
    endDay: options.endDay ?? chinaDay(new Date(Date.now() - 24 * 3600_000)),
  };
  await prisma.siteSetting.create({ data: { key: settingKey, value } });
  return value;
}

const documentColumns: TColumn[] = [
  ["id", ""],
  ["indexNo", ""],
  ["title", ""],
  ["titleEn", ""],
  ["category", ""],
  ["docType", ""],
  ["departmentId", ""],
  ["docNumber", ""],
  ["keywords", ""],
  ["writtenOn", "date"],
  ["madeOn", "date"],
  ["publishedAt", "timestamp(3)"],
  ["publishedYear", "int"],
  ["validity", '"Validity"'],
  ["validityFrom", "date"],
  ["source", ""],
  ["summary", ""],
  ["body", ""],
  ["status", '"PublishStatus"'],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

async function generateDocuments(
  prisma: PrismaClient,
  options: TVolumeOptions,
  run: TRun,
  log: TLog,
): Promise<number> {
  const departments = await prisma.department.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true, shortName: true },
  });
  if (!departments.length) throw new Error("no departments: seed the demo data first (npm run db:seed)");
  const deptRefs: TDepartmentRef[] = departments;
  const deptId = new Map(departments.map((d) => [d.code, d.id]));
  const serials = new Map(
    (await prisma.indexSerial.findMany()).map((s) => [`${s.departmentCode}/${s.year}`, s.value]),
  );
  const from = await existing(prisma, "DisclosureDocument", "vol-d-");
  if (from >= options.documents) return from;
  if (from) log(`  documents: resuming after ${from.toLocaleString("en")}`);
  await inBatches(from, options.documents, options.batch, log, "documents", async (start, end) => {
    const rows: TSqlValue[][] = [];
    const touched = new Set<string>();
    for (let index = start; index < end; index++) {
      const doc = makeDocument({ seed: run.seed, index, endDay: run.endDay, departments: deptRefs });
      const key = `${doc.department}/${doc.year}`;
      const serial = (serials.get(key) ?? 0) + 1;
      if (serial > 99_999) throw new Error(`index serial for ${key} exhausted`);
      serials.set(key, serial);
      touched.add(key);
      const published = ts(doc.publishedAt);
      rows.push([
        volumeDocumentId(index),
        `${key}-${pad(serial, 5)}`,
        doc.title,
        doc.titleEn,
        doc.category,
        doc.docType,
        deptId.get(doc.department) ?? null,
        doc.docNumberPrefix ? `${doc.docNumberPrefix}〔${doc.year}〕${((serial - 1) % 9999) + 1}号` : null,
        doc.keywords,
        doc.writtenOn,
        doc.writtenOn,
        published,
        doc.publishedYear,
        doc.validity,
        doc.validityFrom,
        doc.source,
        doc.summary,
        doc.body,
        "PUBLISHED",
        published,
        published,
      ]);
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "DisclosureDocument", documentColumns, rows);
        await insertRows(
          tx,
          "IndexSerial",
          [
            ["departmentCode", ""],
            ["year", "int"],
            ["value", "int"],
          ],
          [...touched].map((key) => [key.split("/")[0], Number(key.split("/")[1]), serials.get(key) ?? 0]),
          `ON CONFLICT ("departmentCode", "year") DO UPDATE SET "value" = GREATEST("IndexSerial"."value", EXCLUDED."value")`,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return rows.length;
  });
  return options.documents;
}

const noticeColumns: TColumn[] = [
  ["id", ""],
  ["title", ""],
  ["titleEn", ""],
  ["body", ""],
  ["category", ""],
  ["status", '"NoticeStatus"'],
  ["pinned", "boolean"],
  ["source", ""],
  ["authorId", ""],
  ["approverId", ""],
  ["publishAt", "timestamp(3)"],
  ["expiresAt", "timestamp(3)"],
  ["publishedAt", "timestamp(3)"],
  ["scope", "jsonb"],
  ["mailQueuedAt", "timestamp(3)"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

async function generateNotices(
  prisma: PrismaClient,
  options: TVolumeOptions,
  run: TRun,
  log: TLog,
): Promise<number> {
  const communities = await communityRefs(prisma);
  const communityId = new Map(communities.map((c) => [c.code, c.id]));
  const editors = await prisma.user.findMany({
    where: { email: { in: ["editor@example.cn", "editor2@example.cn"] } },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const [author, approver] = [editors[0]?.id ?? null, editors[1]?.id ?? null];
  const from = await existing(prisma, "Notice", "vol-n-");
  if (from >= options.notices) return from;
  if (from) log(`  notices: resuming after ${from.toLocaleString("en")}`);
  await inBatches(from, options.notices, options.batch, log, "notices", async (start, end) => {
    const notices: TSqlValue[][] = [];
    const targets: TSqlValue[][] = [];
    const revisions: TSqlValue[][] = [];
    for (let index = start; index < end; index++) {
      const notice = makeNotice({ seed: run.seed, index, endDay: run.endDay, communities });
      const id = volumeNoticeId(index);
      const published = ts(notice.publishedAt);
      notices.push([
        id,
        notice.title,
        notice.titleEn,
        notice.body,
        notice.category,
        "PUBLISHED",
        notice.pinned,
        notice.source,
        author,
        approver,
        // mail for these went out long ago: the subscription job must not send 20,000 old notices
        published,
        ts(notice.expiresAt),
        published,
        JSON.stringify({ districts: [], streets: [], communities: notice.communities }),
        published,
        published,
        published,
      ]);
      for (const code of notice.communities) targets.push([id, communityId.get(code) ?? null]);
      revisions.push([`vol-nr-${pad(index, 7)}`, id, 1, notice.title, notice.body, author, published]);
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "Notice", noticeColumns, notices);
        await insertRows(
          tx,
          "NoticeTarget",
          [
            ["noticeId", ""],
            ["communityId", ""],
          ],
          targets,
        );
        await insertRows(
          tx,
          "NoticeRevision",
          [
            ["id", ""],
            ["noticeId", ""],
            ["version", "int"],
            ["title", ""],
            ["body", ""],
            ["editorId", ""],
            ["createdAt", "timestamp(3)"],
          ],
          revisions,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return notices.length + targets.length + revisions.length;
  });
  return options.notices;
}

/** Generates up to the requested counts (resuming where an earlier run stopped), then rebuilds the search index. */
export async function generateVolume(
  prisma: PrismaClient,
  options: TVolumeOptions,
  log: TLog = () => {},
): Promise<TVolumeResult> {
  const started = Date.now();
  const run = await runSettings(prisma, options);
  log(`seed ${run.seed}, ten years up to ${run.endDay}`);
  await generateDocuments(prisma, options, run, log);
  await generateNotices(prisma, options, run, log);
  const events = await writeCases(prisma, options, run, log);
  if (!options.skipSearchIndex) await rebuildSearchIndexLogged(prisma, log);
  return {
    documents: options.documents,
    notices: options.notices,
    cases: options.cases,
    events,
    seconds: (Date.now() - started) / 1000,
  };
}
