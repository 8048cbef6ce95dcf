import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import { indexNumberingText, saveIndexNumbering, ZIndexNumberingForm } from "@/lib/disclosure/indexNumbering";
import { currentIndexNo, getDocument, listDocuments } from "@/lib/disclosure/queries";
import { departmentList } from "@/lib/places/queries";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { GET as one } from "@/app/api/v1/documents/[unit]/[serial]/route";
import { searchPortal } from "@/lib/search/queries";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const szfCredit = "11510100MB1C000014";
const rsjCredit = "11510100MB1C000027";

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["editor", "admin", "supervisor"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

const document = (department: string, title: string) =>
  ZDocumentInput.parse({
    department,
    title,
    category: "general.e-government",
    docType: "notice",
    keywords: "索引号 测试",
    writtenOn: "2026-11-20",
    madeOn: "2026-11-20",
    source: department === "SZF" ? "成都市人民政府" : "成都市人力资源和社会保障局",
    summary: "测试摘要。",
    body: "## 正文\n\n测试。",
  });
const publish = (department: string, title: string) =>
  publishDocument({
    db: database.prisma,
    actor: actors.editor,
    document: document(department, title),
    now: new Date("2026-11-26T02:00:00Z"),
  });
const api = (indexNo: string) => {
  const [unit, serial] = indexNo.split("/");
  return one(new Request("http://x"), { params: Promise.resolve({ unit, serial }) });
};
const settingsForm = (text: string) => ZIndexNumberingForm.safeParse({ creditCodes: text });

describe("索引号 by 统一社会信用代码", () => {
  it("validates the settings form: one pair a line, a real credit code (GB 32100 check character)", () => {
    expect(settingsForm(`SZF ${szfCredit}\n\nRSJ：${rsjCredit.toLowerCase()}`).data?.creditCodes).toEqual([
      { code: "SZF", creditCode: szfCredit },
      { code: "RSJ", creditCode: rsjCredit },
    ]);
    expect(settingsForm("").data?.creditCodes).toEqual([]);
    expect(settingsForm(`SZF`).error?.issues[0].message).toBe("indexNumberingFormat");
    expect(settingsForm(`szf ${szfCredit}`).error?.issues[0].message).toBe("indexNumberingFormat");
    // the last character changed: the checksum no longer matches
    expect(settingsForm("SZF 11510100MB1C000015").error?.issues[0].message).toBe("creditCodeInvalid");
    expect(settingsForm(`SZF ${szfCredit}`.padEnd(2001, " ")).error?.issues[0].message).toBe(
      "tooLongMax|2000",
    );
  });

  it("numbers new documents by credit code once set, keeps given numbers, and goes back when turned off", async () => {
    const before = await publish("SZF", "编号方式切换前");
    expect(before.indexNo).toBe("SZF/2026-00001");

    // only administrators may change it; a refusal is audited
    await expect(
      saveIndexNumbering({ db: database.prisma, actor: actors.supervisor, entries: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { action: "department.indexNumbering", outcome: "DENIED" },
      }),
    ).toBe(1);

    const entries = settingsForm(`SZF ${szfCredit}`).data!.creditCodes;
    expect(await saveIndexNumbering({ db: database.prisma, actor: actors.admin, entries })).toEqual({
      on: [`SZF ${szfCredit}`],
      off: [],
    });
    expect(await indexNumberingText({ db: database.prisma })).toBe(`SZF ${szfCredit}`);
    const first = await publish("SZF", "按信用代码编号一");
    const second = await publish("SZF", "按信用代码编号二");
    expect([first.indexNo, second.indexNo]).toEqual([`${szfCredit}/2026-00001`, `${szfCredit}/2026-00002`]);
    // other departments keep their codes
    expect((await publish("RSJ", "人社局照旧")).indexNo).toMatch(/^RSJ\/2026-\d{5}$/);

    // the credit-code number works everywhere a 索引号 is read: the lookup, the API, the catalogue, search
    const doc = await getDocument({ db: database.prisma, indexNo: first.indexNo });
    expect(doc).toMatchObject({ title: "按信用代码编号一", department: { code: "SZF" } });
    const response = await api(first.indexNo);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ indexNo: first.indexNo, department: { code: "SZF" } });
    const listed = await listDocuments({ db: database.prisma, q: szfCredit });
    expect(listed.items.map((d) => d.indexNo).sort()).toEqual([first.indexNo, second.indexNo]);
    const found = await searchPortal({
      db: database.prisma,
      locale: "zh-Hans",
      query: { q: "按信用代码编号一", page: 1 },
    });
    expect(found.results.map((r) => r.path)).toContain(`/disclosure/${first.indexNo}`);

    // turned off: numbers given stay as they are; new ones continue the code's own serial
    expect(await saveIndexNumbering({ db: database.prisma, actor: actors.admin, entries: [] })).toEqual({
      on: [],
      off: ["SZF"],
    });
    expect((await publish("SZF", "关闭后")).indexNo).toBe("SZF/2026-00002");
    const kept = await database.prisma.disclosureDocument.findMany({
      where: { title: { in: ["编号方式切换前", "按信用代码编号一", "按信用代码编号二"] } },
      orderBy: { title: "asc" },
      select: { indexNo: true },
    });
    expect(kept.map((d) => d.indexNo).sort()).toEqual(
      ["SZF/2026-00001", `${szfCredit}/2026-00001`, `${szfCredit}/2026-00002`].sort(),
    );
    // turned on again: the credit code's serial continues, no number is given twice
    await saveIndexNumbering({ db: database.prisma, actor: actors.admin, entries });
    expect((await publish("SZF", "再次开启")).indexNo).toBe(`${szfCredit}/2026-00003`);
    await saveIndexNumbering({ db: database.prisma, actor: actors.admin, entries: [] });
    expect(await database.prisma.department.findUniqueOrThrow({ where: { code: "SZF" } })).toMatchObject({
      creditCode: szfCredit,
      indexByCreditCode: false,
    });
  });

  it("refuses an unknown department, a department twice, and one credit code for two departments", async () => {
    const save = (text: string) =>
      saveIndexNumbering({
        db: database.prisma,
        actor: actors.admin,
        entries: settingsForm(text).data!.creditCodes,
      });
    const refused = (key: string) => (e: unknown) =>
      e instanceof FormError && e.key === key && e.field === "creditCodes";
    await expect(save(`XYZ ${szfCredit}`)).rejects.toSatisfy(refused("indexNumberingUnknown"));
    await expect(save(`SZF ${szfCredit}\nSZF ${rsjCredit}`)).rejects.toSatisfy(
      refused("indexNumberingTwice"),
    );
    await expect(save(`SZF ${szfCredit}\nRSJ ${szfCredit}`)).rejects.toSatisfy(
      refused("indexNumberingShared"),
    );
    // SZF keeps its credit code while numbering by its own code: RSJ may not take it
    await expect(save(`RSJ ${szfCredit}`)).rejects.toSatisfy(refused("indexNumberingShared"));
    expect(await database.prisma.department.count({ where: { indexByCreditCode: true } })).toBe(0);
  });
});

describe("former 索引号", () => {
  it("redirects the plan's former number JXW/2006-00001 permanently to SZF/2006-00001 (API 308)", async () => {
    expect(await currentIndexNo({ db: database.prisma, indexNo: "JXW/2006-00001" })).toBe("SZF/2006-00001");
    const response = await api("JXW/2006-00001");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/api/v1/documents/SZF/2006-00001");
    expect(await getDocument({ db: database.prisma, indexNo: "JXW/2006-00001" })).toBeNull();
    // a number never given, or not shaped like one, is still a 404 (no redirect)
    expect(await currentIndexNo({ db: database.prisma, indexNo: "JXW/2006-00002" })).toBeNull();
    expect((await api("JXW/2006-00002")).status).toBe(404);
    expect(await currentIndexNo({ db: database.prisma, indexNo: "../x" })).toBeNull();
  });

  it("does not redirect to a document that is no longer published", async () => {
    const plan = await database.prisma.disclosureDocument.findUniqueOrThrow({
      where: { indexNo: "SZF/2006-00001" },
    });
    await database.prisma.disclosureDocument.update({ where: { id: plan.id }, data: { status: "DRAFT" } });
    try {
      expect(await currentIndexNo({ db: database.prisma, indexNo: "JXW/2006-00001" })).toBeNull();
      expect((await api("JXW/2006-00001")).status).toBe(404);
    } finally {
      await database.prisma.disclosureDocument.update({
        where: { id: plan.id },
        data: { status: "PUBLISHED" },
      });
    }
  });

  it("never gives the former number to a new document: its serial stays taken", async () => {
    const serial = await database.prisma.indexSerial.findUniqueOrThrow({
      where: { departmentCode_year: { departmentCode: "JXW", year: 2006 } },
    });
    expect(serial.value).toBeGreaterThanOrEqual(1);
  });
});

describe("the city government issues documents only", () => {
  it("is in the catalogue's and the editors' lists, not in the pickers for services, mail and requests", async () => {
    expect((await departmentList({ db: database.prisma })).map((d) => d.code)).not.toContain("SZF");
    expect((await departmentList({ db: database.prisma, issuers: true })).map((d) => d.code)).toContain(
      "SZF",
    );
    expect(await database.prisma.service.count({ where: { department: { code: "SZF" } } })).toBe(0);
    const request = ZDisclosureRequest.parse({
      department: "SZF",
      requesterType: "PERSON",
      requesterName: "张晓明",
      idNumber: "510104199003071237",
      phone: "13800280001",
      email: "",
      address: "",
      description: "成都市国民经济和社会信息化“十一五”规划的编制说明",
      deliveryMethod: "download",
    });
    await expect(submitDisclosureRequest({ db: database.prisma, actor: null, request })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "choose" && e.field === "department",
    );
    expect(await database.prisma.disclosureRequest.count({ where: { department: { code: "SZF" } } })).toBe(0);
  });
});
