import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { employmentAnswers } from "../helpers/answers";
import type { TSessionUser } from "@/lib/auth/types";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { submitApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { SupplementItemsMissing, supplyMaterials } from "@/lib/cases/supplyMaterials";
import { openSupplementRequest, supplementDue } from "@/lib/cases/supplementRequest";
import { getOwnCase } from "@/lib/cases/ownCases";
import { NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
let dataDir = "";
const actors: Record<string, TSessionUser> = {};
const pdfBytes = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const itemFile = (field: string, name = `${field}.pdf`) =>
  Object.assign(new File([pdfBytes()], name, { type: "application/pdf" }), { field });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-supplement-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["citizen", "citizen2", "caseworker"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function caseInSupplement(missing: string[]) {
  const db = database.prisma;
  const upload = await saveUpload({
    db,
    actor: actors.citizen,
    name: "id.pdf",
    bytes: pdfBytes(),
    field: "idCardCopy",
  });
  const { trackingNumber } = await submitApplication({
    db,
    actor: actors.citizen,
    serviceCode: "RS-JYDJ-001",
    idempotencyKey: randomUUID(),
    answers: employmentAnswers(upload.id),
  });
  await applyCaseStep({
    db,
    actor: actors.caseworker,
    trackingNumber,
    step: "requestSupplement",
    expectedVersion: 1,
    missing,
  });
  return trackingNumber;
}

describe("补正 item by item", () => {
  it("records the items and their deadline on the request, for the applicant's page", async () => {
    const number = await caseInSupplement(["劳动合同原件扫描件", "身份证反面"]);
    const own = await getOwnCase({ db: database.prisma, actor: actors.citizen, trackingNumber: number });
    const request = openSupplementRequest(own!.events);
    expect(request?.items).toEqual(["劳动合同原件扫描件", "身份证反面"]);
    expect(request?.due).toBe(supplementDue(request!.askedAt));
  });

  it("refuses an answer that leaves an item without its file, naming each such item, and stores nothing", async () => {
    const number = await caseInSupplement(["劳动合同", "身份证反面", "社保卡"]);
    const before = await database.prisma.attachment.count();
    await expect(
      supplyMaterials({
        db: database.prisma,
        actor: actors.citizen,
        trackingNumber: number,
        expectedVersion: 2,
        files: [itemFile("item-1")],
      }),
    ).rejects.toSatisfy((e) => e instanceof SupplementItemsMissing && e.fields.join() === "item-0,item-2");
    expect(await database.prisma.attachment.count()).toBe(before);
    const own = await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber: number } });
    expect(own.status).toBe("SUPPLEMENT");
  });

  it("takes a file for each item, records which answers which, and returns the case to 预审", async () => {
    const number = await caseInSupplement(["劳动合同", "身份证反面"]);
    const result = await supplyMaterials({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber: number,
      expectedVersion: 2,
      files: [
        itemFile("item-0", "contract.pdf"),
        itemFile("item-1", "back.pdf"),
        itemFile("item-1", "back2.pdf"),
      ],
      note: "已补齐",
    });
    expect(result.status).toBe("PRE_REVIEW");
    const event = await database.prisma.caseEvent.findFirstOrThrow({
      where: { application: { trackingNumber: number }, kind: "supplyMaterials" },
    });
    const supplied = (event.data as { supplied: { item: string; uploadIds: string[] }[] }).supplied;
    expect(supplied.map((s) => [s.item, s.uploadIds.length])).toEqual([
      ["劳动合同", 1],
      ["身份证反面", 2],
    ]);
    const files = await database.prisma.attachment.findMany({
      where: { id: { in: supplied.flatMap((s) => s.uploadIds) } },
    });
    expect(files.map((f) => f.fileName).sort()).toEqual(["back.pdf", "back2.pdf", "contract.pdf"]);
    expect(files.every((f) => f.purpose === "supplement")).toBe(true);
  });

  it("is another citizen's case: not found", async () => {
    const number = await caseInSupplement(["劳动合同"]);
    await expect(
      supplyMaterials({
        db: database.prisma,
        actor: actors.citizen2,
        trackingNumber: number,
        expectedVersion: 2,
        files: [itemFile("item-0")],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
