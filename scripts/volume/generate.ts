/**
 * Fills a database with made-up documents, notices and cases for benchmarks, in batches of
 * multi-row INSERTs, one transaction per batch together with the serial tables it advances
 * (IndexSerial for 索引号, DailySerial for 办件编号), so publishing and submitting afterwards
 * continue the numbering. Generated rows have ids starting `vol-`: a second run counts them and
 * resumes after the last committed batch, making exactly the rows a single run would have.
 */
import type { PrismaClient } from "../../lib/db/generated/client";
import { ZFormDefinition } from "../../lib/services/form-definition";
import { addWorkingDays, chinaDay } from "../../lib/calendar/workdays";
import { places } from "../../prisma/seed/data/places";
import type { TVolumeOptions } from "./args";
import { makeDocument, makeNotice, type TCommunityRef, type TDepartmentRef } from "./content";
import { idCardWithCheck, makeCase, type TApplicantRef, type TServiceRef } from "./cases";
import { insertRows, ts, type TColumn, type TSqlValue } from "./insert";
import { volumeNoticeId } from "./planted";

type TLog = (line: string) => void;

/** Thrown between batches after requestStop(): everything before it is committed. */
export class GenerationStopped extends Error {}
let stopRequested = false;

/** Asks the generator to stop after the batch it is writing (for SIGINT / SIGTERM). */
export function requestStop(): void {
  stopRequested = true;
}
const settingKey = "volumeGenerator";

export type TVolumeResult = { documents: number; notices: number; cases: number; events: number; seconds: number };

const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const volumeDocumentId = (index: number) => `vol-d-${pad(index, 7)}`;
export const volumeCaseId = (index: number) => `vol-a-${pad(index, 8)}`;

/** How many generated rows of a kind exist: the number after the highest `prefix` id, plus one. */
async function existing(prisma: PrismaClient, table: string, prefix: string): Promise<number> {
  // a range on the primary key, so the index answers (LIKE would scan under a non-C collation)
  const rows = await prisma.$queryRawUnsafe<{ id: string | null }[]>(`SELECT max("id") AS id FROM "${table}" WHERE "id" >= $1 AND "id" < $2`, prefix, `${prefix.slice(0, -1)}.`);
  const last = rows[0]?.id;
  return last ? Number(last.slice(prefix.length)) + 1 : 0;
}

/** The run's seed and end day, kept in the database so a resumed run makes the same rows. */
async function runSettings(prisma: PrismaClient, options: TVolumeOptions): Promise<{ seed: number; endDay: string }> {
  const stored = await prisma.siteSetting.findUnique({ where: { key: settingKey } });
  if (stored) {
    const value = stored.value as { seed: number; endDay: string };
    if (value.seed !== options.seed) throw new Error(`this database was generated with --seed ${value.seed}; resume with the same seed or use a fresh database`);
    return value;
  }
  // up to yesterday by default, so no generated moment lies in the future
  const value = { seed: options.seed, endDay: options.endDay ?? chinaDay(new Date(Date.now() - 24 * 3600_000)) };
  await prisma.siteSetting.create({ data: { key: settingKey, value } });
  return value;
}

function progress(log: TLog, label: string, done: number, total: number, started: number, rows: number) {
  const seconds = (Date.now() - started) / 1000;
  log(`  ${label} ${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString("en")} rows/s`);
}

/** Runs `step` over [from, to) in batches, logging progress at most every 2 s and at the end. */
async function inBatches(from: number, to: number, size: number, log: TLog, label: string, step: (start: number, end: number) => Promise<number>): Promise<number> {
  const started = Date.now();
  let rows = 0;
  let lastLog = 0;
  for (let start = from; start < to; start += size) {
    // PGlite answers in microtasks: without a turn of the event loop no signal would ever be handled
    await new Promise((resolve) => setImmediate(resolve));
    if (stopRequested) throw new GenerationStopped(`${label}: stopped after ${start.toLocaleString("en")}; run again with the same arguments to resume`);
    const end = Math.min(to, start + size);
    rows += await step(start, end);
    if (Date.now() - lastLog > 2000 || end === to) {
      progress(log, label, end, to, started, rows);
      lastLog = Date.now();
    }
  }
  return rows;
}

const documentColumns: TColumn[] = [
  ["id", ""], ["indexNo", ""], ["title", ""], ["titleEn", ""], ["category", ""], ["docType", ""], ["departmentId", ""], ["docNumber", ""],
  ["keywords", ""], ["writtenOn", "date"], ["madeOn", "date"], ["publishedAt", "timestamp(3)"], ["publishedYear", "int"],
  ["validity", '"Validity"'], ["validityFrom", "date"], ["source", ""], ["summary", ""], ["body", ""], ["status", '"PublishStatus"'],
  ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
];

async function generateDocuments(prisma: PrismaClient, options: TVolumeOptions, run: { seed: number; endDay: string }, log: TLog): Promise<number> {
  const departments = await prisma.department.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, shortName: true } });
  if (!departments.length) throw new Error("no departments: seed the demo data first (npm run db:seed)");
  const deptRefs: TDepartmentRef[] = departments;
  const deptId = new Map(departments.map((d) => [d.code, d.id]));
  const serials = new Map((await prisma.indexSerial.findMany()).map((s) => [`${s.departmentCode}/${s.year}`, s.value]));
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
        volumeDocumentId(index), `${key}-${pad(serial, 5)}`, doc.title, doc.titleEn, doc.category, doc.docType, deptId.get(doc.department) ?? null,
        doc.docNumberPrefix ? `${doc.docNumberPrefix}〔${doc.year}〕${((serial - 1) % 9999) + 1}号` : null,
        doc.keywords, doc.writtenOn, doc.writtenOn, published, doc.publishedYear, doc.validity, doc.validityFrom, doc.source, doc.summary, doc.body, "PUBLISHED",
        published, published,
      ]);
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "DisclosureDocument", documentColumns, rows);
        await insertRows(tx, "IndexSerial", [["departmentCode", ""], ["year", "int"], ["value", "int"]], [...touched].map((key) => [key.split("/")[0], Number(key.split("/")[1]), serials.get(key) ?? 0]),
          `ON CONFLICT ("departmentCode", "year") DO UPDATE SET "value" = GREATEST("IndexSerial"."value", EXCLUDED."value")`);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return rows.length;
  });
  return options.documents;
}

/** The seeded communities in places.ts order, with their ids. */
async function communityRefs(prisma: PrismaClient): Promise<(TCommunityRef & { id: string })[]> {
  const ids = new Map((await prisma.community.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  const refs: (TCommunityRef & { id: string })[] = [];
  for (const district of places.districts)
    for (const street of district.streets)
      for (const community of street.communities) {
        const id = ids.get(community.code);
        if (id) refs.push({ id, code: community.code, name: community.name, streetName: street.name, districtName: district.name });
      }
  if (!refs.length) throw new Error("no communities: seed the demo data first (npm run db:seed)");
  return refs;
}

const noticeColumns: TColumn[] = [
  ["id", ""], ["title", ""], ["titleEn", ""], ["body", ""], ["category", ""], ["status", '"NoticeStatus"'], ["pinned", "boolean"], ["source", ""],
  ["authorId", ""], ["approverId", ""], ["publishAt", "timestamp(3)"], ["expiresAt", "timestamp(3)"], ["publishedAt", "timestamp(3)"],
  ["scope", "jsonb"], ["mailQueuedAt", "timestamp(3)"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
];

async function generateNotices(prisma: PrismaClient, options: TVolumeOptions, run: { seed: number; endDay: string }, log: TLog): Promise<number> {
  const communities = await communityRefs(prisma);
  const communityId = new Map(communities.map((c) => [c.code, c.id]));
  const editors = await prisma.user.findMany({ where: { email: { in: ["editor@example.cn", "editor2@example.cn"] } }, orderBy: { email: "asc" }, select: { id: true } });
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
        id, notice.title, notice.titleEn, notice.body, notice.category, "PUBLISHED", notice.pinned, notice.source, author, approver,
        // mail for these went out long ago: the subscription job must not send 20,000 old notices
        published, ts(notice.expiresAt), published, JSON.stringify({ districts: [], streets: [], communities: notice.communities }), published, published, published,
      ]);
      for (const code of notice.communities) targets.push([id, communityId.get(code) ?? null]);
      revisions.push([`vol-nr-${pad(index, 7)}`, id, 1, notice.title, notice.body, author, published]);
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "Notice", noticeColumns, notices);
        await insertRows(tx, "NoticeTarget", [["noticeId", ""], ["communityId", ""]], targets);
        await insertRows(tx, "NoticeRevision", [["id", ""], ["noticeId", ""], ["version", "int"], ["title", ""], ["body", ""], ["editorId", ""], ["createdAt", "timestamp(3)"]], revisions);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return notices.length + targets.length + revisions.length;
  });
  return options.notices;
}

const caseColumns: TColumn[] = [
  ["id", ""], ["trackingNumber", ""], ["accessCode", ""], ["serviceId", ""], ["applicantId", ""], ["assigneeId", ""], ["status", '"CaseStatus"'],
  ["answers", "jsonb"], ["submittedAt", "timestamp(3)"], ["acceptedAt", "timestamp(3)"], ["decidedAt", "timestamp(3)"], ["completedAt", "timestamp(3)"],
  ["promisedDue", "date"], ["statutoryDue", "date"], ["dueProvisional", "boolean"], ["calendarVersion", ""], ["version", "int"], ["updatedAt", "timestamp(3)"],
];
const eventColumns: TColumn[] = [
  ["id", ""], ["applicationId", ""], ["actorId", ""], ["kind", ""], ["fromStatus", '"CaseStatus"'], ["toStatus", '"CaseStatus"'], ["reason", ""], ["data", "jsonb"], ["createdAt", "timestamp(3)"],
];
const ratingColumns: TColumn[] = [["id", ""], ["applicationId", ""], ["level", "int"], ["comment", ""], ["createdAt", "timestamp(3)"], ["followUpStatus", '"FollowUpStatus"'], ["followUpDue", "date"]];

async function generateCases(prisma: PrismaClient, options: TVolumeOptions, run: { seed: number; endDay: string }, log: TLog): Promise<number> {
  const services = await prisma.service.findMany({ where: { published: true }, orderBy: { code: "asc" }, select: { id: true, code: true, audience: true, hot: true, form: true, promisedDays: true, statutoryDays: true, department: { select: { code: true } } } });
  if (!services.length) throw new Error("no services: seed the demo data first (npm run db:seed)");
  const serviceRefs: TServiceRef[] = services.map((s) => ({ code: s.code, audience: s.audience, hot: s.hot, form: ZFormDefinition.parse(s.form) }));
  const users = await prisma.user.findMany({ where: { accountType: { in: ["PERSON", "ORGANISATION"] }, email: { endsWith: "@example.cn" } }, orderBy: { email: "asc" } });
  const toRef = (u: (typeof users)[number], i: number): TApplicantRef & { id: string } => ({
    id: u.id,
    name: u.name,
    // a person seeded without a 身份证号 gets a made-up valid one
    idNumber: u.idNumber ?? (u.accountType === "PERSON" ? idCardWithCheck(`51010719880512${pad(100 + i, 3)}`) : "91510100MA61RC8H2N"),
    phone: u.phone && /^1[3-9]\d{9}$/.test(u.phone) ? u.phone : `138002800${pad(i + 10, 2)}`,
    email: u.email,
  });
  const persons = users.filter((u) => u.accountType === "PERSON").map(toRef);
  const organisations = users.filter((u) => u.accountType === "ORGANISATION").map(toRef);
  if (!persons.length || !organisations.length) throw new Error("no citizen accounts: seed the demo data first (npm run db:seed)");
  const caseworkers = new Map<string, string>();
  for (const grant of await prisma.roleGrant.findMany({ where: { role: "CASEWORKER" }, select: { userId: true, department: { select: { code: true } } } })) {
    if (grant.department) caseworkers.set(grant.department.code, grant.userId);
  }
  const communities = await communityRefs(prisma);
  const daily = new Map((await prisma.dailySerial.findMany({ where: { kind: "SV" } })).map((s) => [s.day, s.value]));
  const dueCache = new Map<string, ReturnType<typeof addWorkingDays>>();
  const due = (day: string, n: number) => {
    const key = `${day}|${n}`;
    let found = dueCache.get(key);
    if (!found) dueCache.set(key, (found = addWorkingDays(day, n)));
    return found;
  };

  const from = await existing(prisma, "Application", "vol-a-");
  if (from >= options.cases) return 0;
  if (from) log(`  cases: resuming after ${from.toLocaleString("en")}`);
  let eventCount = 0;
  await inBatches(from, options.cases, options.batch, log, "cases (with events)", async (start, end) => {
    const cases: TSqlValue[][] = [];
    const events: TSqlValue[][] = [];
    const ratings: TSqlValue[][] = [];
    const touched = new Set<string>();
    for (let index = start; index < end; index++) {
      const made = makeCase({ seed: run.seed, index, total: options.cases, endDay: run.endDay, services: serviceRefs, persons, organisations, communities });
      const service = services[made.serviceIndex];
      const applicant = (service.audience === "PERSON" ? persons : organisations)[made.applicantIndex];
      const day = chinaDay(made.submittedAt).replace(/-/g, "");
      const serial = (daily.get(day) ?? 0) + 1;
      if (serial > 999_999) throw new Error(`daily serial for SV${day} exhausted`);
      daily.set(day, serial);
      touched.add(day);
      const id = volumeCaseId(index);
      const assignee = made.events.length > 1 ? (caseworkers.get(service.department.code) ?? null) : null;
      const promised = made.acceptedAt ? due(chinaDay(made.acceptedAt), service.promisedDays) : null;
      const statutory = made.acceptedAt ? due(chinaDay(made.acceptedAt), service.statutoryDays) : null;
      const last = made.events[made.events.length - 1].at;
      cases.push([
        id, `SV${day}${pad(serial, 6)}`, made.accessCode, service.id, applicant.id, assignee, made.status, JSON.stringify(made.answers),
        ts(made.submittedAt), ts(made.acceptedAt), ts(made.decidedAt), ts(made.completedAt), promised?.due ?? null, statutory?.due ?? null,
        Boolean(promised?.provisional || statutory?.provisional), promised?.calendarVersion ?? null, made.events.length, ts(last),
      ]);
      made.events.forEach((event, k) => {
        events.push([`vol-e-${pad(index, 8)}-${k}`, id, event.byStaff ? assignee : applicant.id, event.kind, event.fromStatus, event.toStatus, event.reason, event.data === null ? null : JSON.stringify(event.data), ts(event.at)]);
      });
      if (made.rating) {
        const bad = made.rating.level <= 2;
        const followUpDue = bad ? due(chinaDay(made.rating.at), 10).due : null;
        const closed = bad && followUpDue !== null && followUpDue < run.endDay;
        ratings.push([`vol-r-${pad(index, 8)}`, id, made.rating.level, made.rating.comment, ts(made.rating.at), bad ? (closed ? "CLOSED" : "OPEN") : null, followUpDue]);
      }
    }
    eventCount += events.length;
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "Application", caseColumns, cases);
        await insertRows(tx, "CaseEvent", eventColumns, events);
        if (ratings.length) await insertRows(tx, "Rating", ratingColumns, ratings);
        await insertRows(tx, "DailySerial", [["kind", ""], ["day", ""], ["value", "int"]], [...touched].map((day) => ["SV", day, daily.get(day) ?? 0]),
          `ON CONFLICT ("kind", "day") DO UPDATE SET "value" = GREATEST("DailySerial"."value", EXCLUDED."value")`);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return cases.length + events.length + ratings.length;
  });
  return eventCount;
}

type TRebuild = (prisma: PrismaClient, options?: { onProgress?: (done: number, total: number) => void }) => Promise<number>;

/**
 * lib/search/index.ts comes from the search branch; until it is merged there is nothing to
 * rebuild. Imported by a computed path so this file type-checks before and after the merge.
 */
export async function rebuildSearchIndexIfPresent(prisma: PrismaClient, log: TLog): Promise<number | null> {
  const modulePath = new URL("../../lib/search/index.ts", import.meta.url).href;
  let rebuild: TRebuild | undefined;
  try {
    rebuild = ((await import(modulePath)) as { rebuildSearchIndex?: TRebuild }).rebuildSearchIndex;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && !/Cannot find module/.test(String(error))) throw error;
  }
  if (!rebuild) {
    log("  search index: lib/search/index.ts (rebuildSearchIndex) is not on this branch yet, skipped");
    return null;
  }
  const started = Date.now();
  let lastLog = 0;
  const indexed = await rebuild(prisma, {
    onProgress: (done, total) => {
      if (Date.now() - lastLog < 2000 && done < total) return;
      lastLog = Date.now();
      log(`  search index ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
    },
  });
  log(`  search index rebuilt: ${indexed.toLocaleString("en")} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return indexed;
}

/** Generates up to the requested counts (resuming where an earlier run stopped), then rebuilds the search index. */
export async function generateVolume(prisma: PrismaClient, options: TVolumeOptions, log: TLog = () => {}): Promise<TVolumeResult> {
  const started = Date.now();
  const run = await runSettings(prisma, options);
  log(`seed ${run.seed}, ten years up to ${run.endDay}`);
  await generateDocuments(prisma, options, run, log);
  await generateNotices(prisma, options, run, log);
  const events = await generateCases(prisma, options, run, log);
  if (!options.skipSearchIndex) await rebuildSearchIndexIfPresent(prisma, log);
  return { documents: options.documents, notices: options.notices, cases: options.cases, events, seconds: (Date.now() - started) / 1000 };
}
