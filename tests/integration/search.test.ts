import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { findEntries } from "@/lib/search/search";
import { rebuildSearchIndex, refreshSearchEntry } from "@/lib/search/index";
import { listSynonymGroups } from "@/lib/search/queries";
import { editSynonyms } from "@/lib/search/editSynonyms";
import { publishDocument } from "@/lib/disclosure/publishDocument";
import { updateDocument } from "@/lib/disclosure/editDocument";
import { updateService, ZServiceEdit } from "@/lib/services/updateService";
import { serviceValues } from "@/components/staff/serviceFields";
import { NotFoundError } from "@/lib/shared/errors";
import { GET as searchApi } from "@/app/api/v1/search/route";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
let prisma: TestDatabase["prisma"];
let departmentId: string;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  prisma = database.prisma;
  useAsAppDatabase(database);
  for (const name of ["admin", "editor"]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: prisma, userId: user.id }))!;
  }
  departmentId = (await prisma.department.findUniqueOrThrow({ where: { code: "MZJ" } })).id;
});
afterAll(() => database.close());

const synonyms = async () => (await listSynonymGroups({ db: prisma })).map((g) => g.terms);
const search = async (
  q: string,
  extra: { type?: "service" | "document" | "notice"; page?: number; pageSize?: number; now?: Date } = {},
) => findEntries({ db: prisma, q, synonyms: await synonyms(), ...extra });
const api = async (query: string) => {
  const response = await searchApi(new Request(`http://x/api/v1/search?${query}`));
  return { status: response.status, body: await response.json() };
};

let serial = 0;
/** A published document written straight to the table (the index is then refreshed or rebuilt by the test). */
async function makeDocument(fields: {
  title: string;
  titleEn?: string;
  body?: string;
  keywords?: string;
  docNumber?: string;
  publishedAt?: Date;
  status?: "PUBLISHED" | "DRAFT";
}) {
  serial += 1;
  return prisma.disclosureDocument.create({
    data: {
      indexNo: `MZJ/2030-${String(serial).padStart(5, "0")}`,
      title: fields.title,
      titleEn: fields.titleEn ?? null,
      category: "zhengwu",
      docType: "通知",
      departmentId,
      docNumber: fields.docNumber ?? null,
      keywords: fields.keywords ?? "测试",
      writtenOn: new Date("2030-01-01"),
      source: "民政局",
      summary: "摘要",
      body: fields.body ?? "正文。",
      status: fields.status ?? "PUBLISHED",
      publishedAt: fields.publishedAt ?? new Date(Date.UTC(2030, 0, 1, 0, 0, serial)),
      publishedYear: 2030,
    },
  });
}
async function makeNotice(fields: {
  title: string;
  body?: string;
  expiresAt?: Date | null;
  status?: "PUBLISHED" | "ARCHIVED" | "DRAFT";
  publishedAt?: Date;
}) {
  return prisma.notice.create({
    data: {
      title: fields.title,
      body: fields.body ?? "通知正文",
      category: "general",
      status: fields.status ?? "PUBLISHED",
      source: "测试社区",
      publishedAt: fields.publishedAt ?? new Date(Date.now() - 3600_000),
      expiresAt: fields.expiresAt ?? null,
    },
  });
}
const keysOf = (found: Awaited<ReturnType<typeof search>>) => found.hits.map((h) => h.key);

describe(`search on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("finds a phrase inside a longer word: 生活保障 finds 最低生活保障 (no word-boundary misses)", async () => {
    const found = await search("生活保障");
    expect(keysOf(found)).toContain("MZ-DBSQ-001");
    expect(found.hits.find((h) => h.key === "MZ-DBSQ-001")?.tier).toBe(1);
  });

  it("expands seeded synonyms both ways: 低保 ⇄ 最低生活保障, 社保 ⇄ 社会保险", async () => {
    const dibao = await makeDocument({ title: "关于调整低保标准的通知" });
    const shebao = await makeDocument({ title: "社保卡补办指南" });
    await refreshSearchEntry(prisma, { type: "document", id: dibao.id });
    await refreshSearchEntry(prisma, { type: "document", id: shebao.id });
    const low = await search("低保");
    expect(low.terms).toEqual(["低保", "最低生活保障"]);
    expect(keysOf(low)).toEqual(expect.arrayContaining(["MZ-DBSQ-001", dibao.indexNo]));
    expect(keysOf(await search("最低生活保障"))).toContain(dibao.indexNo);
    expect(keysOf(await search("社会保险"))).toContain(shebao.indexNo);
    expect((await search("社保")).terms).toContain("社会保险");
  });

  it("leaves out a form no entry holds: the same hits in the same order, and no search statement when none is left", async () => {
    let statements = 0;
    const counted = prisma.$extends({
      query: {
        $queryRaw: ({ args, query }) => {
          statements++;
          return query(args);
        },
      },
    }) as unknown as typeof prisma;
    const find = (q: string, groups: string[][]) => findEntries({ db: counted, q, synonyms: groups });
    const plain = await find("生活保障", []);
    expect(keysOf(plain)).toContain("MZ-DBSQ-001");
    statements = 0;
    // a synonym no entry holds (a character pair never indexed) changes nothing but the forms shown
    const widened = await find("生活保障", [["生活保障", "䶵䶴无此词"]]);
    expect(widened.terms).toEqual(["生活保障", "䶵䶴无此词"]);
    expect(widened.hits.map((h) => [h.key, h.tier])).toEqual(plain.hits.map((h) => [h.key, h.tier]));
    expect(widened.counts).toEqual(plain.counts);
    expect(statements).toBeGreaterThan(0);
    statements = 0;
    const nothing = await find("䶵䶴无此词", []);
    expect(nothing).toMatchObject({ hits: [], total: 0, pages: 1, more: [] });
    expect(Object.values(nothing.counts)).toEqual([0, 0, 0, 0, 0]);
    expect(statements).toBe(0);
  });

  it("finds Simplified content with a 繁體 query, and English titles with an English query", async () => {
    expect(keysOf(await search("最低生活保障申請"))).toContain("MZ-DBSQ-001");
    expect(keysOf(await search("就業登記"))[0]).toBe("RS-JYDJ-001");
    const english = await search("minimum living ALLOWANCE");
    expect(keysOf(english)).toContain("MZ-DBSQ-001");
    expect(keysOf(await search("Employment registration"))[0]).toBe("RS-JYDJ-001");
  });

  it("ranks an exact title first, then titles, then 文号/主题词, then bodies; recency breaks ties", async () => {
    const word = "蓝莓种植补贴";
    const inBody = await makeDocument({
      title: "农业文件甲",
      body: `今年的${word}按亩发放。`,
      publishedAt: new Date("2030-06-01"),
    });
    const inKeywords = await makeDocument({
      title: "农业文件乙",
      keywords: `${word} 农业`,
      publishedAt: new Date("2030-05-01"),
    });
    const inTitleOld = await makeDocument({
      title: `关于${word}的通知`,
      publishedAt: new Date("2030-01-01"),
    });
    // as long as the older title, so that BM25 scores them alike and the date decides
    const inTitleNew = await makeDocument({
      title: `${word}的补充通知`,
      publishedAt: new Date("2030-02-01"),
    });
    const exact = await makeDocument({ title: word, publishedAt: new Date("2029-01-01") });
    await rebuildSearchIndex({ db: prisma });
    const ranked = await search(word);
    expect(keysOf(ranked)).toEqual([exact, inTitleNew, inTitleOld, inKeywords, inBody].map((d) => d.indexNo));
    expect(ranked.hits.map((h) => h.sortAt.toISOString())).toEqual(
      [exact, inTitleNew, inTitleOld, inKeywords, inBody].map((d) => d.publishedAt!.toISOString()),
    );
    const docNumber = await makeDocument({ title: "文号测试", docNumber: "成民发〔2030〕7号" });
    await refreshSearchEntry(prisma, { type: "document", id: docNumber.id });
    expect(keysOf(await search("成民发〔2030〕7号"))).toEqual([docNumber.indexNo]);
  });

  it("filters by type, counts per type and pages through results", async () => {
    const word = "樱桃音乐会";
    for (let i = 0; i < 23; i++)
      await makeNotice({ title: `${word}第${i}场`, publishedAt: new Date(Date.now() - (i + 1) * 60_000) });
    await makeDocument({ title: `${word}场地安排` });
    await rebuildSearchIndex({ db: prisma });
    const all = await search(word, { pageSize: 10 });
    expect(all.counts).toEqual({ service: 0, document: 1, notice: 23, letter: 0, consultation: 0 });
    expect(all.total).toBe(24);
    const notices = await search(word, { type: "notice", pageSize: 10, page: 3 });
    expect(notices.pages).toBe(3);
    expect(notices.hits.map((h) => h.title)).toEqual([`${word}第20场`, `${word}第21场`, `${word}第22场`]);
    const pages = await Promise.all(
      [1, 2, 3].map((page) => search(word, { type: "notice", pageSize: 10, page })),
    );
    expect(new Set(pages.flatMap((p) => keysOf(p))).size).toBe(23);
  });

  it("answers the API with typed, marked results; bad input is a 400 JSON error, never a 500", async () => {
    const { status, body } = await api(`q=${encodeURIComponent("就业登记")}&locale=en`);
    expect(status).toBe(200);
    const item = body.items.find((i: { id: string }) => i.id === "RS-JYDJ-001");
    expect(item).toMatchObject({
      type: "service",
      url: "/en/services/RS-JYDJ-001",
      title: "Employment registration",
    });
    const marked = await api(`q=${encodeURIComponent("就业登记")}`);
    expect(marked.body.items[0].titleMarks).toContainEqual({ text: "就业登记", mark: true });
    for (const bad of [
      "q=",
      "q=x&type=nope",
      "q=x&page=0",
      "q=x&page=abc",
      `q=${"长".repeat(101)}`,
      "q=%20%20",
    ]) {
      const answer = await api(bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "invalid_request" });
    }
    const evil = await api(`q=${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(evil.status).toBe(200);
  });

  it("gives each result an excerpt from its own text, whatever types share the page", async () => {
    const phrase = "蓝莓冻干粉";
    const document = await makeDocument({ title: "果蔬加工文件", body: `关于${phrase}出口的安排。` });
    const notice = await makeNotice({ title: "社区果蔬通知", body: `本周${phrase}团购。` });
    await refreshSearchEntry(prisma, { type: "document", id: document.id });
    await refreshSearchEntry(prisma, { type: "notice", id: notice.id });
    type TItem = { type: string; id: string; snippet: string | null };
    const items = async (query: string) => (await api(query)).body.items as TItem[];
    const both = await items(`q=${phrase}`);
    expect(both.map((i) => i.type).sort()).toEqual(["document", "notice"]);
    for (const item of both) expect(item.snippet, item.type).toContain(phrase);
    // one type alone on the page: its excerpt still comes from its own text
    const [only] = await items(`q=${phrase}&type=notice`);
    expect(only).toMatchObject({ id: notice.id, snippet: expect.stringContaining("团购") });
  });

  it("suggests the closest services and the hotline when nothing is found", async () => {
    const { body } = await api(`q=${encodeURIComponent("生活补助金xyz")}`);
    expect(body.total).toBe(0);
    expect(body.hotline).toBe("12345");
    expect(body.suggestions.map((s: { code: string }) => s.code)).toContain("MZ-DBSQ-001");
  });

  it("keeps the index current: publish, edit, unpublish, archive and expiry", async () => {
    const document = {
      department: "MZJ",
      title: "关于开展火龙果义卖活动的通知",
      category: "zhengwu",
      docType: "通知",
      keywords: "义卖",
      writtenOn: "2030-01-02",
      madeOn: "2030-01-02",
      source: "民政局",
      summary: "义卖",
      body: "正文",
    } as const;
    const { indexNo } = await publishDocument({
      db: prisma,
      actor: actors.editor,
      document: document as never,
    });
    expect(keysOf(await search("火龙果义卖"))).toEqual([indexNo]);
    const { department: _department, ...rest } = document;
    void _department;
    await updateDocument({
      db: prisma,
      actor: actors.editor,
      indexNo,
      expectedVersion: 1,
      document: { ...rest, title: "关于开展猕猴桃义卖活动的通知" } as never,
    });
    expect(keysOf(await search("火龙果义卖"))).toEqual([]);
    expect(keysOf(await search("猕猴桃义卖"))).toEqual([indexNo]);

    const service = await prisma.service.findUniqueOrThrow({ where: { code: "MZ-DBSQ-001" } });
    // what the administrator's form posts for the service, renamed
    const form = {
      ...serviceValues(service),
      code: service.code,
      expectedVersion: String(service.version),
      name: "最低生活保障金申领",
      published: "yes",
    };
    await updateService({ db: prisma, actor: actors.admin, edit: ZServiceEdit.parse(form) });
    expect((await search("保障金申领")).hits[0]?.key).toBe("MZ-DBSQ-001");
    await updateService({
      db: prisma,
      actor: actors.admin,
      edit: ZServiceEdit.parse({ ...form, expectedVersion: String(service.version + 1), published: "no" }),
    });
    expect(keysOf(await search("保障金申领"))).toEqual([]);
    await updateService({
      db: prisma,
      actor: actors.admin,
      edit: ZServiceEdit.parse({ ...form, name: service.name, expectedVersion: String(service.version + 2) }),
    });
    expect(keysOf(await search("最低生活保障申请"))[0]).toBe("MZ-DBSQ-001");

    const notice = await makeNotice({ title: "百香果采摘通知", expiresAt: new Date(Date.now() + 3600_000) });
    await refreshSearchEntry(prisma, { type: "notice", id: notice.id });
    expect(keysOf(await search("百香果采摘"))).toEqual([notice.id]);
    // past its expiry it is no longer listed, even before anything refreshes it
    expect(keysOf(await search("百香果采摘", { now: new Date(Date.now() + 2 * 3600_000) }))).toEqual([]);
    await prisma.notice.update({ where: { id: notice.id }, data: { status: "ARCHIVED" } });
    await refreshSearchEntry(prisma, { type: "notice", id: notice.id });
    expect(await prisma.searchEntry.count({ where: { refId: notice.id } })).toBe(0);
    const draft = await makeNotice({ title: "草稿里的山竹通知", status: "DRAFT" });
    await refreshSearchEntry(prisma, { type: "notice", id: draft.id });
    expect(keysOf(await search("山竹"))).toEqual([]);
  });

  it("keeps validity windows exact whatever the session's time zone", async () => {
    const notice = await makeNotice({
      title: "荔枝节交通管制通知",
      expiresAt: new Date(Date.now() + 3600_000),
    });
    // on PGlite the one connection is the session; on PostgreSQL it changes one pooled session, harmlessly
    await prisma.$executeRawUnsafe(`SET TIME ZONE 'Asia/Shanghai'`);
    try {
      await rebuildSearchIndex({ db: prisma });
      expect(keysOf(await search("荔枝节"))).toEqual([notice.id]);
      expect(keysOf(await search("荔枝节", { now: new Date(Date.now() + 2 * 3600_000) }))).toEqual([]);
      const entry = await prisma.searchEntry.findFirstOrThrow({ where: { refId: notice.id } });
      expect(entry.visibleUntil?.getTime()).toBe(notice.expiresAt?.getTime());
    } finally {
      await prisma.$executeRawUnsafe(`SET TIME ZONE 'UTC'`);
    }
  });

  it("finds every published item by its exact title, first (seeded generated titles)", async () => {
    let seed = 20261126;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = Array.from(
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严",
    );
    const word = () =>
      Array.from(
        { length: 3 + Math.floor(random() * 10) },
        () => pool[Math.floor(random() * pool.length)],
      ).join("");
    const titles = new Set<string>();
    while (titles.size < 120)
      titles.add(`${word()}${random() < 0.2 ? ` Plan ${Math.floor(random() * 1000)}` : ""}`);
    const made: { key: string; title: string }[] = [];
    for (const [i, title] of [...titles].entries()) {
      if (i % 3 === 2) {
        const n = await makeNotice({ title });
        made.push({ key: n.id, title });
        if (i % 2) await refreshSearchEntry(prisma, { type: "notice", id: n.id });
      } else {
        const d = await makeDocument({ title, body: `${word()}${word()}` });
        made.push({ key: d.indexNo, title });
        if (i % 2) await refreshSearchEntry(prisma, { type: "document", id: d.id });
      }
    }
    expect(await rebuildSearchIndex({ db: prisma })).toBeGreaterThan(120);
    for (const { key, title } of made) {
      const found = await search(title);
      expect(found.hits[0], title).toMatchObject({ key, tier: 0 });
    }
  });

  it("lets administrators alone edit synonyms, audited, and a change applies at once", async () => {
    await expect(
      editSynonyms({
        db: prisma,
        actor: actors.editor,
        change: { kind: "create", terms: ["火锅", "麻辣烫"] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await prisma.auditLog.count({ where: { action: "search.synonym.create", outcome: "DENIED" } }),
    ).toBe(1);
    const target = await makeDocument({ title: "成都麻辣烫小店扶持办法" });
    await refreshSearchEntry(prisma, { type: "document", id: target.id });
    // the API reads the groups the server keeps between searches: an edit must reach it at once too
    const apiKeys = async () => (await api("q=火锅小店")).body.items.map((i: { id: string }) => i.id);
    expect(keysOf(await search("火锅小店"))).toEqual([]);
    expect(await apiKeys()).toEqual([]);
    const { id } = await editSynonyms({
      db: prisma,
      actor: actors.admin,
      change: { kind: "create", terms: ["火锅", "麻辣烫"] },
    });
    expect(keysOf(await search("火锅小店"))).toEqual([target.indexNo]);
    expect(await apiKeys()).toEqual([target.indexNo]);
    await editSynonyms({
      db: prisma,
      actor: actors.admin,
      change: { kind: "update", id, expectedVersion: 1, terms: ["火锅", "串串"] },
    });
    expect(keysOf(await search("火锅小店"))).toEqual([]);
    expect(await apiKeys()).toEqual([]);
    await expect(
      editSynonyms({ db: prisma, actor: actors.admin, change: { kind: "delete", id, expectedVersion: 1 } }),
    ).rejects.toMatchObject({ key: "synonymChanged" });
    await editSynonyms({
      db: prisma,
      actor: actors.admin,
      change: { kind: "delete", id, expectedVersion: 2 },
    });
    expect(
      await prisma.auditLog.count({
        where: { action: { startsWith: "search.synonym." }, outcome: "ALLOWED" },
      }),
    ).toBe(3);
  });
});
