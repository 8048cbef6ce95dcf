import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { Prisma } from "@/lib/db/generated/client";
import { findEntries } from "@/lib/search/search";
import { indexNoPattern, nextIndexNo } from "@/lib/disclosure/indexNumbers";
import { accessCodePattern, serviceCaseNumberPattern } from "@/lib/cases/schema";
import { parseVolumeArgs } from "@/scripts/volume/args";
import { GenerationStopped, generateVolume, type TVolumeResult } from "@/scripts/volume/generate";
import { readTableTypes, volumeTables } from "@/scripts/volume/insert";
import { plantedDocuments, plantedNotices } from "@/scripts/volume/planted";

// small, but past the planted items and over several batches of every kind
const argv = [
  "--documents",
  "60",
  "--notices",
  "12",
  "--cases",
  "60",
  "--batch",
  "20",
  "--end",
  "2026-11-26",
];
const options = parseVolumeArgs(argv);
// the moment the generated data describes: planted notices are current then
const endOfRun = new Date("2026-11-26T12:00:00+08:00");

let database: TestDatabase;
let prisma: TestDatabase["prisma"];
let result: TVolumeResult;
let resumed: Awaited<ReturnType<typeof fingerprint>>;
let uninterrupted: Awaited<ReturnType<typeof fingerprint>>;

/** Runs the generator and aborts it at the first progress line about `kind`, as SIGINT would. */
async function interruptedAt(kind: string) {
  const stop = new AbortController();
  const log = (line: string) => {
    if (line.trimStart().startsWith(kind)) stop.abort();
  };
  return generateVolume(prisma, options, { log, stop: stop.signal }).then(
    () => "finished",
    (error: unknown) => (error instanceof GenerationStopped ? "stopped" : Promise.reject(error)),
  );
}

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  prisma = database.prisma;
  // stopped twice (in the documents, then in the cases) and resumed: the third run finishes
  expect(await interruptedAt("documents")).toBe("stopped");
  expect(await interruptedAt("cases")).toBe("stopped");
  result = await generateVolume(prisma, options);
  // before the tests below publish a number of their own
  resumed = await fingerprint(prisma);
  const reference = await createTestDatabase({ seeded: true });
  try {
    await generateVolume(reference.prisma, options);
    uninterrupted = await fingerprint(reference.prisma);
  } finally {
    await reference.close();
  }
});
afterAll(() => database?.close());

const generated = { id: { startsWith: "vol-" } };

describe("the volume generator (npm run seed:volume) on a real database", () => {
  it("writes the requested documents, notices and cases with their events", async () => {
    expect(result).toMatchObject({ documents: 60, notices: 12, cases: 60 });
    expect(await prisma.disclosureDocument.count({ where: generated })).toBe(60);
    expect(await prisma.notice.count({ where: generated })).toBe(12);
    expect(await prisma.noticeRevision.count({ where: { noticeId: { startsWith: "vol-" } } })).toBe(12);
    expect(await prisma.noticeTarget.count({ where: { noticeId: { startsWith: "vol-" } } })).toBeGreaterThan(
      11,
    );
    expect(await prisma.application.count({ where: generated })).toBe(60);
    const events = await prisma.caseEvent.count({ where: { applicationId: { startsWith: "vol-" } } });
    expect(events).toBeGreaterThanOrEqual(60);
    // the resumed run reports only the events it wrote itself
    expect(result.events).toBeLessThanOrEqual(events);
  });

  it("gives valid 索引号 and 办件编号, and publishing and submitting continue the numbering", async () => {
    const documents = await prisma.disclosureDocument.findMany({
      where: generated,
      select: { indexNo: true, status: true },
    });
    for (const d of documents) expect(d.indexNo).toMatch(indexNoPattern);
    const cases = await prisma.application.findMany({
      where: generated,
      select: { trackingNumber: true, accessCode: true },
    });
    for (const c of cases) {
      expect(c.trackingNumber).toMatch(serviceCaseNumberPattern);
      expect(c.accessCode).toMatch(accessCodePattern);
    }
    const [unit, year] = documents[documents.length - 1].indexNo.split(/[/-]/);
    const next = await nextIndexNo(prisma, unit, Number(year));
    expect(documents.map((d) => d.indexNo)).not.toContain(next);
    for (const c of cases) {
      const day = c.trackingNumber.slice(2, 10);
      const serial = await prisma.dailySerial.findUniqueOrThrow({ where: { kind_day: { kind: "SV", day } } });
      expect(serial.value).toBeGreaterThanOrEqual(Number(c.trackingNumber.slice(10)));
    }
  });

  it("rebuilds the search index so planted and generated items are found", async () => {
    expect(result.searchEntries).toBeGreaterThanOrEqual(60);
    const search = (q: string) => findEntries({ q, synonyms: [], now: endOfRun, pageSize: 50, db: prisma });
    expect((await search(plantedDocuments[0].title)).hits[0]).toMatchObject({
      type: "document",
      refId: "vol-d-0000000",
    });
    expect((await search(plantedNotices[0].title)).hits[0]).toMatchObject({
      type: "notice",
      refId: "vol-n-0000000",
    });
    const made = await prisma.disclosureDocument.findUniqueOrThrow({ where: { id: "vol-d-0000059" } });
    expect((await search(made.title)).hits.map((h) => h.refId)).toContain(made.id);
  });

  it("makes after two interruptions exactly what one uninterrupted run makes", () => {
    expect(resumed).toEqual(uninterrupted);
  });

  it("writes only columns the migrations made, and the Prisma schema agrees with them", async () => {
    const types = await readTableTypes(prisma);
    const schema = Prisma as unknown as Record<string, Record<string, string>>;
    for (const table of volumeTables)
      expect([...(types.get(table)?.keys() ?? [])].sort(), table).toEqual(
        Object.values(schema[`${table}ScalarFieldEnum`]).sort(),
      );
  });
});

/** The generated rows with references as codes and e-mail addresses, which do not depend on the database's ids. */
async function fingerprint(db: TestDatabase["prisma"]) {
  return {
    documents: await db.disclosureDocument.findMany({
      where: generated,
      orderBy: { id: "asc" },
      omit: { departmentId: true },
      include: { department: { select: { code: true } } },
    }),
    notices: await db.notice.findMany({
      where: generated,
      orderBy: { id: "asc" },
      omit: { authorId: true, approverId: true },
      include: {
        author: { select: { email: true } },
        targets: {
          select: { community: { select: { code: true } } },
          orderBy: { community: { code: "asc" } },
        },
        revisions: { omit: { editorId: true } },
      },
    }),
    cases: await db.application.findMany({
      where: generated,
      orderBy: { id: "asc" },
      omit: { serviceId: true, applicantId: true, assigneeId: true },
      include: {
        service: { select: { code: true } },
        applicant: { select: { email: true } },
        assignee: { select: { email: true } },
        events: {
          omit: { actorId: true },
          include: { actor: { select: { email: true } } },
          orderBy: { id: "asc" },
        },
        rating: true,
      },
    }),
    indexSerials: await db.indexSerial.findMany({ orderBy: [{ departmentCode: "asc" }, { year: "asc" }] }),
    dailySerials: await db.dailySerial.findMany({ orderBy: [{ kind: "asc" }, { day: "asc" }] }),
    searchEntries: (
      await db.searchEntry.findMany({
        where: { refId: { startsWith: "vol-" } },
        select: { type: true, refId: true },
      })
    )
      .map((e) => `${e.type}:${e.refId}`)
      .sort(),
  };
}
