import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/audit/writeAudit";
import { exportAuditEntries, latestAuditVerification, listAuditEntries } from "@/lib/auditTrail/queries";
import { auditCsv } from "@/lib/auditTrail/auditCsv";
import { verifyAuditChainNow } from "@/lib/auditTrail/verifyAuditChainNow";
import type { TAuditFilter } from "@/lib/auditTrail/schema";
import { NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const requests: Record<string, string> = {};
const started = new Date(Date.now() - 1000);

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const { prisma } = database;
  for (const name of ["admin", "supervisor", "caseworker", "caseworker2"]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: prisma, userId: user.id }))!;
  }
  for (const department of ["RSJ", "MZJ"]) {
    const found = await prisma.disclosureRequest.findFirstOrThrow({
      where: { department: { code: department } },
      select: { trackingNumber: true },
    });
    requests[department] = found.trackingNumber;
  }
  const write = (entry: Parameters<typeof writeAudit>[1]) => writeAudit(prisma, entry);
  await write({
    actorId: actors.caseworker.id,
    action: "disclosure.accept",
    entityType: "DisclosureRequest",
    entityId: requests.RSJ,
  });
  await write({
    actorId: actors.caseworker2.id,
    action: "disclosure.accept",
    entityType: "DisclosureRequest",
    entityId: requests.MZJ,
    outcome: "DENIED",
  });
  await write({ actorId: null, action: "auth.lockout", entityType: "User", entityId: actors.caseworker.id });
  await write({ actorId: null, action: "auth.lockout", entityType: "User", entityId: actors.caseworker2.id });
  await write({
    actorId: actors.admin.id,
    action: "service.update",
    entityType: "Service",
    entityId: "=X1",
    detail: { note: "=HYPERLINK(1)" },
  });
});
afterAll(() => database.close());

const list = (actor: TSessionUser, filter: TAuditFilter = {}) =>
  listAuditEntries({ actor, filter, db: database.prisma });
const targets = async (actor: TSessionUser, filter: TAuditFilter = {}) =>
  (await list(actor, filter)).rows.map((row) => `${row.entityType}:${row.entityId}`).sort();

describe("the audit viewer", () => {
  it("shows administrators everything, supervisors their departments' requests and staff, others nothing", async () => {
    expect((await list(actors.admin)).total).toBe(5);
    expect(await targets(actors.supervisor)).toEqual([
      `DisclosureRequest:${requests.RSJ}`,
      `User:${actors.caseworker.id}`,
    ]);
    await expect(list(actors.caseworker)).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { actorId: actors.caseworker.id, action: "audit.view", outcome: "DENIED" },
      }),
    ).toBe(1);
  });

  it("filters by person, action, target, outcome and time", async () => {
    const admin = actors.admin;
    expect(await targets(admin, { outcome: "DENIED", targetType: "DisclosureRequest" })).toEqual([
      `DisclosureRequest:${requests.MZJ}`,
    ]);
    expect(await targets(admin, { person: "caseworker2@example.cn" })).toEqual([
      `DisclosureRequest:${requests.MZJ}`,
    ]);
    expect(await targets(admin, { person: actors.caseworker.name })).toContain(
      `DisclosureRequest:${requests.RSJ}`,
    );
    expect((await list(admin, { action: "disclosure." })).total).toBe(2);
    expect((await list(admin, { action: "disclosure%" })).total).toBe(0);
    expect(await targets(admin, { targetType: "User", target: actors.caseworker2.id })).toEqual([
      `User:${actors.caseworker2.id}`,
    ]);
    expect(
      (await list(admin, { from: started, to: new Date(Date.now() + 60_000) })).total,
    ).toBeGreaterThanOrEqual(5);
    expect((await list(admin, { to: started })).total).toBe(0);
  });

  it("pages newest first", async () => {
    const first = await listAuditEntries({ actor: actors.admin, filter: {}, page: 1, db: database.prisma });
    expect(first.rows[0].id > first.rows[first.rows.length - 1].id).toBe(true);
  });

  it("exports the filtered rows as formula-safe CSV, and the export is audited", async () => {
    let csv = "";
    const batches = await exportAuditEntries({
      actor: actors.admin,
      filter: { action: "service." },
      batchSize: 1,
      db: database.prisma,
    });
    for await (const chunk of auditCsv(batches)) csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"{""note"":""=HYPERLINK(1)""}"`);
    // a field that a spreadsheet would run as a formula is neutralised
    expect(lines[1]).toContain(",'=X1,");
    expect(lines[1]).not.toMatch(/,=/);
    expect(
      await database.prisma.auditLog.count({ where: { action: "audit.export", actorId: actors.admin.id } }),
    ).toBe(1);
    await expect(
      exportAuditEntries({ actor: actors.caseworker, filter: {}, db: database.prisma }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets administrators verify the chain now, and shows the recorded outcome", async () => {
    await expect(
      verifyAuditChainNow({ actor: actors.supervisor, db: database.prisma }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const report = await verifyAuditChainNow({ actor: actors.admin, db: database.prisma });
    expect(report.ok).toBe(true);
    const recorded = await latestAuditVerification({ actor: actors.supervisor, db: database.prisma });
    expect(recorded).toMatchObject({ ok: true, rowsChecked: report.rowsChecked, actorId: actors.admin.id });
  });
});
