import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import { FormError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["editor", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

const input = (title: string) =>
  ZDocumentInput.parse({
    department: "RSJ",
    title,
    category: "labour.employment",
    docType: "notice",
    docNumber: "成人社发〔2026〕99号",
    keywords: "就业 通知",
    writtenOn: "2026-11-20",
    madeOn: "2026-11-20",
    source: "成都市人力资源和社会保障局",
    summary: "测试摘要。",
    body: "## 正文\n\n测试。",
  });

describe("publishing documents", () => {
  it("gives 100 concurrent publications distinct 索引号 that continue the unit's serial", async () => {
    const before = await database.prisma.indexSerial.findUnique({
      where: { departmentCode_year: { departmentCode: "RSJ", year: 2026 } },
    });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        publishDocument({
          db: database.prisma,
          actor: actors.editor,
          document: input(`并发发布 ${i}`),
          now: new Date("2026-11-26T02:00:00Z"),
        }),
      ),
    );
    const numbers = results.map((r) => r.indexNo);
    expect(new Set(numbers).size).toBe(100);
    for (const n of numbers) expect(n).toMatch(/^RSJ\/2026-\d{5}$/);
    const serials = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    const start = (before?.value ?? 0) + 1;
    expect(serials).toEqual(Array.from({ length: 100 }, (_, i) => start + i));
    expect(
      await database.prisma.documentRevision.count({ where: { document: { indexNo: { in: numbers } } } }),
    ).toBe(100);
  });

  it("refuses an editor without that department in scope, and audits it", async () => {
    await expect(
      publishDocument({ db: database.prisma, actor: actors.caseworker, document: input("越权") }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "departmentOutOfScope");
    expect(
      await database.prisma.auditLog.count({ where: { action: "document.publish", outcome: "DENIED" } }),
    ).toBe(1);
  });

  it("validates the 文号 form and the dates", () => {
    const bad = ZDocumentInput.safeParse({
      ...input("x"),
      docNumber: "成人社发[2026]99号",
      writtenOn: "2026-13-01",
    });
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual(["dateFormat", "docNumberFormat"]);
  });
});

describe("editing documents", () => {
  it("keeps the 索引号, keeps every revision, marks 废止 with a date, and refuses editors out of scope", async () => {
    const { updateDocument, changeValidity, isLatePublication } =
      await import("@/lib/disclosure/editDocument");
    const { indexNo } = await publishDocument({
      db: database.prisma,
      actor: actors.editor,
      document: input("待修改"),
      now: new Date("2026-11-26T02:00:00Z"),
    });
    const { department: _d, ...content } = input("已修改的标题");
    void _d;
    await updateDocument({
      db: database.prisma,
      actor: actors.editor,
      indexNo,
      expectedVersion: 1,
      document: content,
    });
    await changeValidity({
      db: database.prisma,
      actor: actors.editor,
      indexNo,
      expectedVersion: 2,
      validity: "REPEALED",
      validityFrom: "2026-12-01",
    });
    const doc = await database.prisma.disclosureDocument.findUniqueOrThrow({
      where: { indexNo },
      include: { revisions: true },
    });
    expect(doc).toMatchObject({ indexNo, title: "已修改的标题", validity: "REPEALED", version: 3 });
    expect(doc.revisions.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    await expect(
      updateDocument({
        db: database.prisma,
        actor: actors.editor,
        indexNo,
        expectedVersion: 1,
        document: content,
      }),
    ).rejects.toBeInstanceOf(FormError);
    await expect(
      changeValidity({
        db: database.prisma,
        actor: actors.caseworker,
        indexNo,
        expectedVersion: 3,
        validity: "VALID",
      }),
    ).rejects.toThrow();
    expect(await database.prisma.auditLog.count({ where: { entityId: indexNo, outcome: "ALLOWED" } })).toBe(
      3,
    );
    // made on 2026-10-01 (a holiday) and published 2026-11-26: more than 20 working days
    expect(isLatePublication(new Date("2026-10-01T00:00:00Z"), new Date("2026-11-26T02:00:00Z"))).toBe(true);
    expect(isLatePublication(new Date("2026-11-20T00:00:00Z"), new Date("2026-11-26T02:00:00Z"))).toBe(false);
  });
});
