import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/shared/errors";
import { auditJobHandlers, refusalWindowSeconds } from "@/lib/audit/refusals";
import { getOwnCase } from "@/lib/cases/ownCases";
import { getStaffCase } from "@/lib/cases/staffCases";
import { submitApplication } from "@/lib/cases/submitApplication";
import { caseFigures } from "@/lib/cases/figures";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { readUpload } from "@/lib/uploads/readUpload";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { ownRequest, staffRequest } from "@/lib/disclosure/requestQueries";
import { createApiToken, revokeApiToken } from "@/lib/users/apiTokens";
import { openSession, endOwnSessions } from "@/lib/auth/sessions";
import { listOutbox } from "@/lib/notifications/queries";
import { getServiceForEdit, listServicesForAdmin } from "@/lib/services/queries";
import { openStaffArea } from "@/lib/users/staffAreas";
import { noticeForStaff } from "@/lib/notices/staffQueries";
import * as applicationRoute from "@/app/api/v1/applications/[trackingNumber]/route";
import * as fileRoute from "@/app/api/v1/files/[id]/route";
import { demoActor, employmentAnswers } from "../helpers/demo";

// the address the server sets on every request (lib/http/clientAddress); outside a request there is none
const address = "203.0.113.7";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-onestop-client": address }),
  cookies: async () => ({ get: () => undefined }),
}));

let database: TestDatabase;
let dataDir: string;
const actors: Record<string, TSessionUser> = {};
let caseNumber = "";
let fileId = "";
let requestNumber = "";

const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-refusals-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["citizen", "citizen2", "caseworker", "caseworker2", "officer", "editor", "admin"]) {
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
  }
  const db = database.prisma;
  const upload = await saveUpload({
    db,
    actor: actors.citizen,
    name: "id.pdf",
    bytes: pdf(),
    field: "idCardCopy",
  });
  fileId = upload.id;
  const submitted = await submitApplication({
    db,
    actor: actors.citizen,
    serviceCode: "RS-JYDJ-001",
    idempotencyKey: randomUUID(),
    answers: employmentAnswers(fileId),
  });
  caseNumber = submitted.trackingNumber;
  requestNumber = (
    await submitDisclosureRequest({
      db,
      actor: actors.citizen,
      request: ZDisclosureRequest.parse({
        department: "MZJ",
        requesterType: "PERSON",
        requesterName: "张晓明",
        idNumber: "510104199003071237",
        phone: "13800280001",
        email: "",
        address: "",
        description: "2025 年度本市低保资金使用情况",
        deliveryMethod: "download",
      }),
    })
  ).trackingNumber;
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The refusal rows written for one action on one target. */
async function denied(action: string, entityId?: string) {
  return database.prisma.auditLog.findMany({
    where: { action, outcome: "DENIED", ...(entityId === undefined ? {} : { entityId }) },
    orderBy: { id: "asc" },
  });
}

async function expectOneRefusal(action: string, actor: TSessionUser | null, entityId?: string) {
  const rows = await denied(action, entityId);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorId: actor?.id ?? null, ip: address, outcome: "DENIED" });
  if (entityId !== undefined) expect(rows[0].entityId).toBe(entityId);
}

const db = () => database.prisma;

describe("a denied read is audited with actor, target and address", () => {
  it("another person's case: the page's read, the API; an unknown number is not a refusal", async () => {
    expect(await getOwnCase({ db: db(), actor: actors.citizen2, trackingNumber: caseNumber })).toBeNull();
    await expectOneRefusal("case.read", actors.citizen2, caseNumber);
    expect(await getOwnCase({ db: db(), actor: actors.citizen, trackingNumber: caseNumber })).not.toBeNull();
    expect(await getOwnCase({ db: db(), actor: actors.citizen2, trackingNumber: "NOPE-404" })).toBeNull();
    expect(await denied("case.read", "NOPE-404")).toHaveLength(0);

    const { token } = await createApiToken({ db: db(), actor: actors.citizen2, name: "probe" });
    const response = await applicationRoute.GET(
      new Request(`http://localhost/api/v1/applications/${caseNumber}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ trackingNumber: caseNumber }) },
    );
    expect(response.status).toBe(404);
    // the same actor, address and target within the window: counted, not written again
    expect(await denied("case.read", caseNumber)).toHaveLength(1);
    expect(
      (await db().auditRefusal.findFirstOrThrow({ where: { action: "case.read", entityId: caseNumber } }))
        .count,
    ).toBe(2);
  });

  it("a staff member outside the case's department", async () => {
    expect(
      await getStaffCase({ db: db(), actor: actors.caseworker2, trackingNumber: caseNumber }),
    ).toBeNull();
    const rows = await denied("case.read", caseNumber);
    expect(rows.at(-1)).toMatchObject({ actorId: actors.caseworker2.id, ip: address });
    expect(
      await getStaffCase({ db: db(), actor: actors.caseworker, trackingNumber: caseNumber }),
    ).not.toBeNull();
  });

  it("another person's uploaded file, through the lib and the download API", async () => {
    await expect(readUpload({ db: db(), actor: actors.citizen2, id: fileId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expectOneRefusal("file.read", actors.citizen2, fileId);
    const anonymous = await fileRoute.GET(new Request(`http://localhost/api/v1/files/${fileId}`), {
      params: Promise.resolve({ id: fileId }),
    });
    expect(anonymous.status).toBe(404);
    expect((await denied("file.read", fileId)).map((row) => row.actorId)).toEqual([actors.citizen2.id, null]);
    await expect(readUpload({ db: db(), actor: actors.caseworker, id: fileId })).resolves.toBeTruthy();
  });

  it("another person's disclosure request, and one outside an officer's department", async () => {
    expect(await ownRequest({ db: db(), actor: actors.citizen2, trackingNumber: requestNumber })).toBeNull();
    await expectOneRefusal("request.read", actors.citizen2, requestNumber);
    // the officer works RSJ; this request went to MZJ
    expect(await staffRequest({ db: db(), actor: actors.officer, trackingNumber: requestNumber })).toBeNull();
    expect((await denied("request.read", requestNumber)).at(-1)).toMatchObject({
      actorId: actors.officer.id,
      ip: address,
    });
  });

  it("another person's token and session", async () => {
    const mine = await createApiToken({ db: db(), actor: actors.citizen, name: "mine" });
    await expect(revokeApiToken({ db: db(), actor: actors.citizen2, id: mine.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expectOneRefusal("token.revoke", actors.citizen2, mine.id);

    await openSession({ db: db(), user: actors.citizen, portal: "public" });
    const session = await db().userSession.findFirstOrThrow({ where: { userId: actors.citizen.id } });
    const handle = session.id.slice(0, 16);
    await expect(endOwnSessions({ db: db(), actor: actors.citizen2, handle })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expectOneRefusal("session.end", actors.citizen2, handle);
  });

  it("staff pages and reads outside a staff member's role", async () => {
    await expect(
      openStaffArea({ db: db(), actor: actors.caseworker, area: "places" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expectOneRefusal("staffPage.read", actors.caseworker, "places");
    await expect(openStaffArea({ db: db(), actor: actors.admin, area: "places" })).resolves.toBe(
      actors.admin,
    );

    await expect(listOutbox({ db: db(), actor: actors.caseworker })).rejects.toBeInstanceOf(NotFoundError);
    await expectOneRefusal("outbox.read", actors.caseworker);
    await expect(listServicesForAdmin({ db: db(), actor: actors.editor })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expectOneRefusal("service.list", actors.editor);
    await expect(
      getServiceForEdit({ db: db(), actor: actors.caseworker, code: "RS-JYDJ-001" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expectOneRefusal("service.read", actors.caseworker, "RS-JYDJ-001");
    await expect(caseFigures({ db: db(), actor: actors.caseworker })).rejects.toBeInstanceOf(NotFoundError);
    await expectOneRefusal("figures.read", actors.caseworker);

    const notice = await db().notice.findFirstOrThrow({ select: { id: true } });
    expect(await noticeForStaff({ db: db(), actor: actors.citizen, id: notice.id })).toBeNull();
    await expectOneRefusal("notice.read", actors.citizen, notice.id);
  });
});

describe("repeats are aggregated", () => {
  it("100 refusals make one row at once and one summary row carrying the count", async () => {
    const target = (await createApiToken({ db: db(), actor: actors.citizen, name: "target" })).id;
    // half of them at once: the counter is one statement, so concurrent repeats are not lost
    await Promise.all(
      Array.from({ length: 50 }, () =>
        revokeApiToken({ db: db(), actor: actors.citizen2, id: target }).catch(() => undefined),
      ),
    );
    for (let i = 0; i < 50; i++)
      await revokeApiToken({ db: db(), actor: actors.citizen2, id: target }).catch(() => undefined);
    expect(await denied("token.revoke", target)).toHaveLength(1);
    const counter = await db().auditRefusal.findFirstOrThrow({ where: { entityId: target } });
    expect(counter.count).toBe(100);

    // the window closes: its job writes the summary and drops the counter
    const job = await db().job.findFirstOrThrow({ where: { uniqueKey: `audit-refusal:${counter.id}` } });
    expect(job.runAt.getTime()).toBe(counter.windowStart.getTime() + refusalWindowSeconds() * 1000);
    await auditJobHandlers["audit.refusalSummary"]({
      db: db(),
      payload: job.payload,
      job: { ...job, payload: job.payload },
    });
    const rows = await denied("token.revoke", target);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actorId: actors.citizen2.id, ip: address, entityType: "ApiToken" });
    expect(rows[1].detail).toMatchObject({ repeated: 99 });
    expect(await db().auditRefusal.count({ where: { entityId: target } })).toBe(0);
  });

  it("the window is configurable", () => {
    expect(refusalWindowSeconds({})).toBe(900);
    expect(refusalWindowSeconds({ AUDIT_REFUSAL_WINDOW_SECONDS: "60" })).toBe(60);
    expect(refusalWindowSeconds({ AUDIT_REFUSAL_WINDOW_SECONDS: "nonsense" })).toBe(900);
  });
});
