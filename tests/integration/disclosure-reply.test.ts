import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { takeRequestStep } from "@/lib/disclosure/takeRequestStep";
import { ownRequest } from "@/lib/disclosure/requestQueries";
import { NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
let dataDir: string;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  // reply files go to a throwaway directory, never the app's ./data
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-reply-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "officer", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ userId: user.id, db: database.prisma }))!;
  }
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pdf = (name: string) =>
  new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")], name, {
    type: "application/pdf",
  });

/** A request of the citizen's, received by the officer, at version 2. */
async function receivedRequest() {
  const db = database.prisma;
  const { trackingNumber } = await submitDisclosureRequest({
    db,
    actor: actors.citizen,
    request: ZDisclosureRequest.parse({
      department: "RSJ",
      requesterType: "PERSON",
      requesterName: "张晓明",
      idNumber: "510104199003071237",
      phone: "13800280001",
      description: "2025 年度本市就业补助资金使用情况",
      deliveryMethod: "download",
    }),
  });
  await takeRequestStep({
    db,
    actor: actors.officer,
    trackingNumber,
    step: "confirmReceipt",
    expectedVersion: 1,
  });
  return trackingNumber;
}

const reply = {
  step: "reply" as const,
  expectedVersion: 2,
  outcome: "DISCLOSED",
  legalBasis: "《政府信息公开条例》第三十六条第（二）项",
  replyText: "所申请信息见附件。",
};

describe("a reply with its files", () => {
  it("stores the officer's files and delivers them with the reply; an empty file input is ignored", async () => {
    const trackingNumber = await receivedRequest();
    const empty = new File([], "", { type: "application/octet-stream" });
    await takeRequestStep({
      db: database.prisma,
      actor: actors.officer,
      trackingNumber,
      ...reply,
      replyFiles: [pdf("补助资金.pdf"), empty],
    });
    const own = await ownRequest({ db: database.prisma, actor: actors.citizen, trackingNumber });
    expect(own).toMatchObject({ status: "REPLIED" });
    expect(own!.attachments.map((a) => a.fileName)).toEqual(["补助资金.pdf"]);
  });

  it("stores nothing for someone who may not reply, and audits the refusal", async () => {
    const trackingNumber = await receivedRequest();
    const before = await database.prisma.attachment.count();
    await expect(
      takeRequestStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber,
        ...reply,
        replyFiles: [pdf("越权.pdf")],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.prisma.attachment.count()).toBe(before);
    expect(
      await database.prisma.auditLog.count({
        where: { action: "disclosure.reply", entityId: trackingNumber, outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});
