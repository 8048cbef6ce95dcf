import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { setInterpretation, ZInterpretation } from "@/lib/disclosure/editDocument";
import { documentForEdit, getDocument } from "@/lib/disclosure/queries";
import { GET as one } from "@/app/api/v1/documents/[unit]/[serial]/route";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["editor", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

const byTitle = (title: string) =>
  database.prisma.disclosureDocument.findFirstOrThrow({
    where: { title },
    select: { id: true, indexNo: true, version: true, interpretsId: true },
  });
const pension = "关于2025年调整退休人员基本养老金的通知";
const pensionQa = "《关于2025年调整退休人员基本养老金的通知》政策解读";

async function apiDocument(indexNo: string) {
  const [unit, serial] = indexNo.split("/");
  const response = await one(new Request("http://x"), { params: Promise.resolve({ unit, serial }) });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    interprets: { indexNo: string; title: string } | null;
    interpretations: { indexNo: string; title: string }[];
  };
}

/** A document that is not (or no longer) public: a draft of the given department. */
async function draft(title: string, indexNo: string) {
  const department = await database.prisma.department.findUniqueOrThrow({ where: { code: "RSJ" } });
  return database.prisma.disclosureDocument.create({
    data: {
      indexNo,
      title,
      category: "labour.social-insurance",
      docType: "interpretation",
      departmentId: department.id,
      keywords: "解读",
      writtenOn: new Date("2026-11-20T00:00:00Z"),
      source: "成都市人力资源和社会保障局",
      summary: "草稿。",
      body: "草稿。",
      status: "DRAFT",
    },
  });
}

describe("政策解读 ↔ 原文", () => {
  it("seeds interpretations that the public page's query and the API show both ways", async () => {
    const original = await byTitle(pension);
    const qa = await byTitle(pensionQa);
    expect(qa.interpretsId).toBe(original.id);
    const linked = await database.prisma.disclosureDocument.count({ where: { interpretsId: { not: null } } });
    expect(linked).toBeGreaterThanOrEqual(3);

    const originalDoc = await getDocument({ indexNo: original.indexNo });
    expect(originalDoc?.interprets).toBeNull();
    expect(originalDoc?.interpretations.map((d) => d.indexNo)).toEqual([qa.indexNo]);
    const qaDoc = await getDocument({ indexNo: qa.indexNo });
    expect(qaDoc?.interprets).toMatchObject({ indexNo: original.indexNo, title: pension });
    expect(qaDoc?.interpretations).toEqual([]);

    expect((await apiDocument(original.indexNo)).interpretations).toEqual([
      expect.objectContaining({ indexNo: qa.indexNo, title: pensionQa }),
    ]);
    expect((await apiDocument(qa.indexNo)).interprets).toMatchObject({ indexNo: original.indexNo });
  });

  it("shows only published documents on either side", async () => {
    const original = await byTitle(pension);
    const hidden = await draft("未发布的解读草稿", "RSJ/2026-09001");
    await database.prisma.disclosureDocument.update({
      where: { id: hidden.id },
      data: { interpretsId: original.id },
    });
    const shown = await getDocument({ indexNo: original.indexNo });
    expect(shown?.interpretations.map((d) => d.indexNo)).not.toContain(hidden.indexNo);
    expect((await apiDocument(original.indexNo)).interpretations.map((d) => d.indexNo)).not.toContain(
      hidden.indexNo,
    );

    // an interpretation whose original is withdrawn from publication no longer links to it
    const qa = await byTitle(pensionQa);
    await database.prisma.disclosureDocument.update({
      where: { id: original.id },
      data: { status: "DRAFT" },
    });
    try {
      expect((await getDocument({ indexNo: qa.indexNo }))?.interprets).toBeNull();
      expect((await apiDocument(qa.indexNo)).interprets).toBeNull();
    } finally {
      await database.prisma.disclosureDocument.update({
        where: { id: original.id },
        data: { status: "PUBLISHED" },
      });
    }
    await database.prisma.disclosureDocument.delete({ where: { id: hidden.id } });
  });

  it("lets an editor link and unlink, keeping a revision and an audit entry each time", async () => {
    const original = await byTitle("成都市就业困难人员认定管理办法");
    const qa = await byTitle("关于做好2026年高校毕业生就业创业工作的通知");
    await setInterpretation({
      db: database.prisma,
      actor: actors.editor,
      indexNo: qa.indexNo,
      expectedVersion: qa.version,
      interprets: original.indexNo,
    });
    expect((await byTitle("关于做好2026年高校毕业生就业创业工作的通知")).interpretsId).toBe(original.id);
    expect(
      (await getDocument({ indexNo: original.indexNo }))?.interpretations.map((d) => d.indexNo),
    ).toContain(qa.indexNo);
    const forEdit = await documentForEdit({
      db: database.prisma,
      actor: actors.editor,
      indexNo: original.indexNo,
    });
    expect(forEdit?.interpretations.map((d) => d.indexNo)).toEqual([qa.indexNo]);
    // a stale form changes nothing
    await expect(
      setInterpretation({
        db: database.prisma,
        actor: actors.editor,
        indexNo: qa.indexNo,
        expectedVersion: qa.version,
        interprets: "",
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "serviceChanged");

    await setInterpretation({
      db: database.prisma,
      actor: actors.editor,
      indexNo: qa.indexNo,
      expectedVersion: qa.version + 1,
      interprets: "",
    });
    expect((await byTitle("关于做好2026年高校毕业生就业创业工作的通知")).interpretsId).toBeNull();
    const revisions = await database.prisma.documentRevision.findMany({
      where: { documentId: qa.id },
      orderBy: { version: "asc" },
      select: { version: true, snapshot: true },
    });
    expect(revisions.slice(-2)).toEqual([
      { version: qa.version + 1, snapshot: { interprets: original.indexNo } },
      { version: qa.version + 2, snapshot: { interprets: null } },
    ]);
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "document.interpretation", entityId: qa.indexNo, outcome: "ALLOWED" },
      orderBy: { at: "asc" },
      select: { detail: true },
    });
    expect(audit.map((a) => a.detail)).toEqual([{ interprets: original.indexNo }, { interprets: null }]);
  });

  it("refuses links that would name nothing, itself, or a chain, naming the field", async () => {
    const qa = await byTitle("成都市失业保险金申领发放办法");
    const pensionQaDoc = await byTitle(pensionQa);
    const pensionDoc = await byTitle(pension);
    const attempt = (indexNo: string, interprets: string, expectedVersion: number) =>
      setInterpretation({ db: database.prisma, actor: actors.editor, indexNo, expectedVersion, interprets });
    const refusal = (key: string) => (e: unknown) =>
      e instanceof FormError && e.key === key && e.field === "interprets";

    await expect(attempt(qa.indexNo, "RSJ/1999-00001", qa.version)).rejects.toSatisfy(
      refusal("interpretsNotFound"),
    );
    await expect(attempt(qa.indexNo, qa.indexNo, qa.version)).rejects.toSatisfy(refusal("interpretsSelf"));
    // the original named is itself an interpretation
    await expect(attempt(qa.indexNo, pensionQaDoc.indexNo, qa.version)).rejects.toSatisfy(
      refusal("interpretsInterpretation"),
    );
    // a document with interpretations of its own cannot become one
    await expect(attempt(pensionDoc.indexNo, qa.indexNo, pensionDoc.version)).rejects.toSatisfy(
      refusal("interpretsHasOwn"),
    );
    expect((await byTitle("成都市失业保险金申领发放办法")).version).toBe(qa.version);

    expect(ZInterpretation.parse({ interprets: " rsj/2025-00003 " })).toEqual({
      interprets: "RSJ/2025-00003",
    });
    expect(ZInterpretation.parse({ interprets: "" })).toEqual({ interprets: "" });
    expect(ZInterpretation.safeParse({ interprets: "<b>RSJ</b>" }).error?.issues[0].message).toBe(
      "indexNoFormat",
    );
  });

  it("refuses staff who are not editors of the interpretation's department as not found, audited", async () => {
    const qa = await byTitle("成都市失业保险金申领发放办法");
    const original = await byTitle(pension);
    await expect(
      setInterpretation({
        db: database.prisma,
        actor: actors.caseworker,
        indexNo: qa.indexNo,
        expectedVersion: qa.version,
        interprets: original.indexNo,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await byTitle("成都市失业保险金申领发放办法")).interpretsId).toBeNull();
    expect(
      await database.prisma.auditLog.count({
        where: { action: "document.interpretation", entityId: qa.indexNo, outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});
