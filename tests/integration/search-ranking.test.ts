import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { findEntries } from "@/lib/search/search";
import { rebuildSearchIndex, refreshSearchEntry } from "@/lib/search/index";
import { searchTypes, typeGram } from "@/lib/search/entries";
import { queryGrams } from "@/lib/search/normalize";
import { windowRows } from "@/lib/search/readPlan";

let database: TestDatabase;
let prisma: TestDatabase["prisma"];
let departmentId: string;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  prisma = database.prisma;
  departmentId = (await prisma.department.findUniqueOrThrow({ where: { code: "MZJ" } })).id;
});
afterAll(() => database.close());

const now = new Date("2031-01-01T00:00:00Z");
const day = (n: number) => new Date(Date.UTC(2030, 0, 1 + n));
let serial = 0;
/** A published document written straight to the table (the test then refreshes or rebuilds the index). */
async function makeDocument(fields: { title: string; body?: string; publishedAt: Date }) {
  serial += 1;
  return prisma.disclosureDocument.create({
    data: {
      indexNo: `MZJ/2031-${String(serial).padStart(5, "0")}`,
      title: fields.title,
      category: "zhengwu",
      docType: "通知",
      departmentId,
      keywords: "测试",
      writtenOn: new Date("2030-01-01"),
      source: "民政局",
      summary: "摘要",
      body: fields.body ?? "正文。",
      status: "PUBLISHED",
      publishedAt: fields.publishedAt,
      publishedYear: 2030,
    },
  });
}
const search = (q: string, caps?: { head: number; body: number }) =>
  findEntries({ db: prisma, q, synonyms: [], now, caps, type: "document" });
const keysOf = (found: Awaited<ReturnType<typeof search>>) => found.hits.map((h) => h.key);

/** The stored ranking counts, in a comparable form. */
async function termCounts() {
  const grams = await prisma.searchGramCount.findMany({ orderBy: { gram: "asc" } });
  const fields = await prisma.searchFieldLength.findMany({ orderBy: { field: "asc" } });
  return {
    grams: grams.map((g) => [g.gram, g.entries]),
    fields: fields.map((f) => [f.field, f.entries, Number(f.chars)]),
  };
}

describe(`search ranking on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("reads a common term's candidates newest first: past the cap, the newest are found and ranked first", async () => {
    // twelve matches in the title and twelve in the body only, indexed in one rebuild (stored newest first) …
    const inTitle = [];
    const inBody = [];
    for (let i = 0; i < 30; i++) {
      inTitle.push(
        await makeDocument({ title: `榴莲采购第${String(i).padStart(2, "0")}号`, publishedAt: day(i) }),
      );
      inBody.push(
        await makeDocument({
          title: `山竹文件第${String(i).padStart(2, "0")}号`,
          body: `关于椰子糖浆配额的安排。`,
          publishedAt: day(i),
        }),
      );
    }
    await rebuildSearchIndex({ db: prisma });
    // … then two newer ones published since, stored after every other entry
    const newestTitle = await makeDocument({ title: "榴莲采购第99号", publishedAt: day(100) });
    const newestBody = await makeDocument({
      title: "山竹文件第99号",
      body: "关于椰子糖浆配额的安排。",
      publishedAt: day(100),
    });
    await refreshSearchEntry(prisma, { type: "document", id: newestTitle.id });
    await refreshSearchEntry(prisma, { type: "document", id: newestBody.id });

    const caps = { head: 5, body: 5 };
    // a two-character term (its grams decide) and a phrase confirmed on the text
    const title = await search("榴莲", caps);
    expect(title.more).toEqual(["document"]);
    expect(keysOf(title)).toEqual([newestTitle, ...inTitle.slice(-4).reverse()].map((d) => d.indexNo));
    const body = await search("椰子糖浆配额", caps);
    expect(body.more).toEqual(["document"]);
    expect(keysOf(body)).toEqual([newestBody, ...inBody.slice(-4).reverse()].map((d) => d.indexNo));
    expect(body.hits.every((h) => h.tier === 3)).toBe(true);
    // common enough to walk the newest rows first (readPlan.ts): the same newest matches
    const walked = { head: 2, body: 2 };
    expect(keysOf(await search("榴莲", walked))).toEqual(
      [newestTitle, inTitle.at(-1)!].map((d) => d.indexNo),
    );
    expect(keysOf(await search("椰子糖浆配额", walked))).toEqual(
      [newestBody, inBody.at(-1)!].map((d) => d.indexNo),
    );
    // without a cut every match is there, still newest first
    expect(keysOf(await search("榴莲"))).toEqual(
      [newestTitle, ...inTitle.slice(-9).reverse()].map((d) => d.indexNo),
    );
    expect((await search("榴莲")).total).toBe(31);
  });

  it("falls back to the GIN index when the newest rows hold too few matches: a word common in bodies, in two old titles", async () => {
    const oldTitles = [
      await makeDocument({ title: "番石榴种植通知", publishedAt: day(-300) }),
      await makeDocument({ title: "番石榴采摘通知", publishedAt: day(-200) }),
    ];
    for (let i = 0; i < 30; i++)
      await makeDocument({ title: `果园文件第${i}号`, body: "番石榴的价格。", publishedAt: day(400 + i) });
    await rebuildSearchIndex({ db: prisma });
    const found = await search("番石榴", { head: 2, body: 2 });
    expect(keysOf(found).slice(0, 2)).toEqual([oldTitles[1], oldTitles[0]].map((d) => d.indexNo));
    expect(found.hits.map((h) => h.tier).slice(0, 2)).toEqual([1, 1]);
  });

  it("walks on from a short window's end: the newest matches past it, none of the window's missed or read twice", async () => {
    const cap = 4;
    const term = "杨桃";
    const markers = searchTypes.map((t) => typeGram[t]);
    const counted = async () => {
      const rows = await prisma.searchGramCount.findMany({
        where: { gram: { in: [...markers, ...queryGrams(term)] } },
      });
      const of = (grams: number[]) =>
        Math.min(...grams.map((g) => rows.find((r) => r.gram === g)?.entries ?? 0));
      return { total: markers.reduce((sum, g) => sum + of([g]), 0), entries: of(queryGrams(term)) };
    };
    // notices with the word in their bodies make it common overall, not among documents' titles
    for (let i = 0; i < 20; i++) {
      const notice = await prisma.notice.create({
        data: {
          title: `果园通知${i}`,
          body: `${term}上市。`,
          category: "general",
          status: "PUBLISHED",
          source: "测试社区",
          publishedAt: day(i),
        },
      });
      await refreshSearchEntry(prisma, { type: "notice", id: notice.id });
    }
    const matching = 10;
    const before = await counted();
    // as many newer documents without the word as put the window's end just past the first match or two
    let newer = 0;
    const windowOf = (n: number) =>
      windowRows({ entries: before.entries + matching, total: before.total + matching + n, cap })!;
    while (windowOf(newer) - newer >= cap) newer++;
    const inWindow = windowOf(newer) - newer;
    expect(inWindow).toBeGreaterThanOrEqual(1);
    const older = [];
    for (let i = 0; i < matching; i++)
      older.push(await makeDocument({ title: `${term}种植第${i}号`, publishedAt: day(700 - i) }));
    for (let i = 0; i < newer; i++)
      await makeDocument({ title: `柑橘文件第${i}号`, publishedAt: day(800 + i) });
    await rebuildSearchIndex({ db: prisma });
    expect(await counted()).toEqual({
      total: before.total + matching + newer,
      entries: before.entries + matching,
    });

    const found = await search(term, { head: cap, body: cap });
    expect(found.more).toEqual(["document"]);
    expect(keysOf(found)).toEqual(older.slice(0, cap).map((d) => d.indexNo));
  });

  it("ranks inside a tier by term frequency and length, the date only between near-equals", async () => {
    const phrase = "火龙果冷链";
    const once = await makeDocument({
      title: "物流文件甲",
      body: `本市${phrase}项目的安排如下，请各单位认真执行。`,
      publishedAt: day(200),
    });
    const thrice = await makeDocument({
      title: "物流文件乙",
      body: `${phrase}补助：${phrase}企业申报，${phrase}资金拨付。`,
      publishedAt: day(10),
    });
    const shortTitle = await makeDocument({ title: `${phrase}通知`, publishedAt: day(5) });
    const longTitle = await makeDocument({
      title: `关于进一步做好全市${phrase}设施建设和运营管理工作的补充通知`,
      publishedAt: day(300),
    });
    for (const d of [once, thrice, shortTitle, longTitle])
      await refreshSearchEntry(prisma, { type: "document", id: d.id });
    const found = await search(phrase);
    expect(keysOf(found)).toEqual([shortTitle, longTitle, thrice, once].map((d) => d.indexNo));
    expect(found.hits.map((h) => h.tier)).toEqual([1, 1, 3, 3]);
  });

  it("keeps the term counts with the entries: refreshed edits count the same as a rebuild and as the migration's backfill", async () => {
    await rebuildSearchIndex({ db: prisma });
    const added = await makeDocument({
      title: "菠萝蜜种植指南",
      body: "菠萝蜜种植技术要点。",
      publishedAt: day(1),
    });
    await refreshSearchEntry(prisma, { type: "document", id: added.id });
    await prisma.disclosureDocument.update({
      where: { id: added.id },
      data: { title: "菠萝蜜种植指南（修订）", body: "菠萝蜜种植与采收的技术要点，全文修订。" },
    });
    // refreshed from the client (as a notice's step after its commit), several at once: each counts
    // the previous entry out and the new one in, so they must take turns
    await Promise.all(
      Array.from({ length: 6 }, () => refreshSearchEntry(prisma, { type: "document", id: added.id })),
    );
    const withdrawn = await prisma.disclosureDocument.findFirstOrThrow({
      where: { status: "PUBLISHED", indexNo: { startsWith: "MZJ/2031-" } },
    });
    await prisma.disclosureDocument.update({ where: { id: withdrawn.id }, data: { status: "DRAFT" } });
    await refreshSearchEntry(prisma, { type: "document", id: withdrawn.id });
    const refreshed = await termCounts();
    expect(refreshed.grams.length).toBeGreaterThan(100);
    expect(await prisma.searchGramCount.findUnique({ where: { gram: 2 } })).toEqual({
      gram: 2,
      entries: await prisma.searchEntry.count({ where: { type: "document" } }),
    });

    await rebuildSearchIndex({ db: prisma });
    expect(await termCounts()).toEqual(refreshed);

    // the migration's SQL counts an index written before the tables existed the same way
    const migration = fs
      .readdirSync("prisma/migrations")
      .find((name) => name.endsWith("_search_ranking_stats"))!;
    const sql = fs.readFileSync(path.join("prisma/migrations", migration, "migration.sql"), "utf8");
    await prisma.$executeRawUnsafe(`TRUNCATE "SearchGramCount", "SearchFieldLength"`);
    for (const statement of sql.split(";").filter((s) => /INSERT INTO/.test(s)))
      await prisma.$executeRawUnsafe(statement);
    expect(await termCounts()).toEqual(refreshed);
  });
});
