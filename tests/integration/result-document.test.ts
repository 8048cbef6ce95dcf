import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import type { TCaseStatus } from "@/lib/cases/caseWorkflow";
import { ownResultDocument, staffResultDocument, verifyResultDocument } from "@/lib/cases/resultDocument";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import { employmentAnswers } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const email of ["citizen", "citizen2", "caseworker", "caseworker2"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${email}@example.cn` } });
    actors[email] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

async function upload(owner: TSessionUser) {
  const id = randomUUID().replace(/-/g, "").slice(0, 24);
  await database.prisma.attachment.create({
    data: {
      id,
      fileName: "result.pdf",
      mimeType: "application/pdf",
      size: 1000,
      sha256: "0".repeat(64),
      storageKey: `test/${id}`,
      uploaderId: owner.id,
    },
  });
  return id;
}

/** A case of 就业登记 (a 公共服务 of 人社局) brought to a status, with a decision event for 不予. */
async function caseIn(status: TCaseStatus, reason?: string, changed: Record<string, string> = {}) {
  const { trackingNumber } = await submitApplication({
    db: database.prisma,
    actor: actors.citizen,
    serviceCode: "RS-JYDJ-001",
    answers: { ...employmentAnswers(await upload(actors.citizen)), ...changed },
    idempotencyKey: randomUUID(),
  });
  const updated = await database.prisma.application.update({
    where: { trackingNumber },
    data: { status, decidedAt: new Date("2026-11-30T02:00:00Z") },
  });
  if (reason)
    await database.prisma.caseEvent.create({
      data: { applicationId: updated.id, kind: "deny", fromStatus: "REVIEWING", toStatus: "DENIED", reason },
    });
  return trackingNumber;
}

const complete = (trackingNumber: string, resultAttachmentId?: string) =>
  applyCaseStep({
    db: database.prisma,
    actor: actors.caseworker,
    trackingNumber,
    step: "complete",
    expectedVersion: 1,
    resultAttachmentId,
  });

describe("办结 without an uploaded file", () => {
  it("issues the portal's own document with a verification code and the facts as they stood", async () => {
    const trackingNumber = await caseIn("APPROVED");
    await expect(complete(trackingNumber)).resolves.toEqual({ status: "COMPLETED", version: 2 });
    const document = await ownResultDocument({ db: database.prisma, actor: actors.citizen, trackingNumber });
    expect(document).toMatchObject({
      kind: "approval",
      serviceType: "PUBLIC_SERVICE",
      facts: {
        trackingNumber,
        serviceName: "就业登记",
        departmentName: expect.stringContaining("人力资源"),
        holderName: actors.citizen.name,
        decidedAt: "2026-11-30T02:00:00.000Z",
        reason: null,
      },
    });
    expect(document!.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
  });

  it("names the applicant as the form does, not the account", async () => {
    const trackingNumber = await caseIn("APPROVED", undefined, { fullName: "王小红" });
    await complete(trackingNumber);
    const document = await ownResultDocument({ db: database.prisma, actor: actors.citizen, trackingNumber });
    expect(document?.facts.holderName).toBe("王小红");
  });

  it("keeps a refusal's reason", async () => {
    const trackingNumber = await caseIn("DENIED", "不符合就业登记条件");
    await complete(trackingNumber);
    const document = await staffResultDocument({
      db: database.prisma,
      actor: actors.caseworker,
      trackingNumber,
    });
    expect(document).toMatchObject({
      kind: "denial",
      // the department's 复议机关 and court, kept with the document as issued
      facts: { reason: "不符合就业登记条件", reviewBody: "成都市人民政府", court: "成都铁路运输第一法院" },
    });
  });

  it("issues nothing when the caseworker uploads the result, and refuses an upload that is not theirs", async () => {
    const uploaded = await caseIn("APPROVED");
    await complete(uploaded, await upload(actors.caseworker));
    expect(
      await staffResultDocument({ db: database.prisma, actor: actors.caseworker, trackingNumber: uploaded }),
    ).toBeNull();
    const foreign = await caseIn("APPROVED");
    await expect(complete(foreign, await upload(actors.caseworker2))).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "resultFileRequired",
    );
  });
});

describe("who may read a document", () => {
  it("hides it from another citizen and another department, and audits both refusals", async () => {
    const trackingNumber = await caseIn("APPROVED");
    await complete(trackingNumber);
    await expect(
      ownResultDocument({ db: database.prisma, actor: actors.citizen2, trackingNumber }),
    ).resolves.toBeNull();
    await expect(
      staffResultDocument({ db: database.prisma, actor: actors.caseworker2, trackingNumber }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const refusals = await database.prisma.auditRefusal.findMany({ where: { entityId: trackingNumber } });
    expect(refusals.map((r) => r.action).sort()).toEqual(["case.read", "case.resultDocument"]);
  });
});

describe("/verify", () => {
  it("finds a document by its code, audits a wrong code, and stops a guesser", async () => {
    const trackingNumber = await caseIn("APPROVED");
    await complete(trackingNumber);
    const { verificationCode } = (await ownResultDocument({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber,
    }))!;
    await expect(
      verifyResultDocument({ db: database.prisma, code: verificationCode }),
    ).resolves.toMatchObject({
      facts: { trackingNumber },
    });
    await expect(verifyResultDocument({ db: database.prisma, code: "2".repeat(16) })).resolves.toBeNull();
    expect(
      await database.prisma.auditLog.count({
        where: { action: "resultDocument.verifyFailed", outcome: "DENIED" },
      }),
    ).toBe(1);
    // right codes are given back; 20 wrong ones in 15 minutes from one address are the limit
    for (let i = 0; i < 19; i++)
      await verifyResultDocument({
        db: database.prisma,
        code: `${"3".repeat(15)}${"ABCDEFGHJKMNPQRSTUVWX"[i]}`,
      });
    await expect(
      verifyResultDocument({ db: database.prisma, code: verificationCode }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});
