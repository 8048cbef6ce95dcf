import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, migrationSql, type TestDatabase } from "../helpers/db";
import { writeAudit } from "@/lib/audit/writeAudit";
import { GENESIS_HASH, verifyAuditChain } from "@/lib/audit/verifyChain";
import { runAndRecordVerification } from "@/lib/audit/recordVerification";
import { PrismaClient } from "@/lib/db/generated/client";
import { embeddedSettings } from "@/lib/db/adapter";

// This file breaks its chain on purpose and fills it with 10,000 rows: it has its own database
// (an in-memory PGlite, or its own schema on PostgreSQL), so no other test sees either.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Changes rows as a superuser can: with triggers off for this transaction only. */
async function asSuperuser(prisma: PrismaClient, sql: string) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

const chainRows = (prisma: PrismaClient) =>
  prisma.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });

/** `npm run audit:verify` against this file's PostgreSQL schema. */
function runVerifyCommand(schema: string) {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set("schema", schema);
  const run = spawnSync("npm", ["run", "--silent", "audit:verify"], {
    env: { ...process.env, DATABASE_URL: url.toString(), AUDIT_VERIFY_BATCH: "1000" },
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the audit trail is a tamper-evident hash chain", () => {
  it("refuses UPDATE, DELETE and TRUNCATE through the application's connection", async () => {
    const { prisma } = database;
    await prisma.$transaction((tx) =>
      writeAudit(tx, { actorId: null, action: "test.first", entityType: "Test" }),
    );
    await expect(prisma.auditLog.updateMany({ data: { action: "test.changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const [first] = await chainRows(prisma);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.auditLog.count()).toBe(1);
  });

  it("50 concurrent audited actions leave one unbroken chain", async () => {
    const second = await database.secondClient();
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? second.prisma : database.prisma).$transaction(async (tx) => {
            await writeAudit(tx, {
              actorId: null,
              action: "test.concurrent",
              entityType: "Test",
              entityId: `${i}`,
            });
            await writeAudit(tx, {
              actorId: null,
              action: "test.concurrent",
              entityType: "Test",
              detail: { i },
            });
          }),
        ),
      );
    } finally {
      await second.close();
    }
    const rows = await chainRows(database.prisma);
    expect(rows).toHaveLength(101);
    // one chain: every row names the row just before it in id order, and no two rows share a predecessor
    rows.forEach((row, i) => expect(row.prevHash).toBe(i ? rows[i - 1].hash : GENESIS_HASH));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    expect(await verifyAuditChain({ db: database.prisma })).toMatchObject({ ok: true, rowsChecked: 101 });
  });

  it("verifies an untouched chain of more than 10,000 rows, in batches", async () => {
    const { prisma } = database;
    await prisma.$executeRawUnsafe(`
      INSERT INTO "AuditLog" ("action", "entityType", "entityId", "detail", "ip")
      SELECT 'test.bulk', 'Test', g::TEXT, jsonb_build_object('n', g, 'note', 'é "quoted"'), '10.0.0.1'
      FROM generate_series(1, 10000) g`);
    const report = await runAndRecordVerification({ db: prisma, actorId: null, batchSize: 1000 });
    expect(report).toMatchObject({ ok: true, rowsChecked: 10_101, firstBad: null });
    if (database.kind === "postgres") {
      const { status, output } = runVerifyCommand(await schemaOf(prisma));
      expect(output).toMatch(/audit chain intact: 10101 rows verified/);
      expect(status).toBe(0);
    }
  });

  it("names exactly the row a superuser altered behind the trigger's back", async () => {
    const { prisma } = database;
    const target = (
      await prisma.auditLog.findFirstOrThrow({ where: { action: "test.bulk", entityId: "4321" } })
    ).id;
    await asSuperuser(prisma, `UPDATE "AuditLog" SET "detail" = '{"n": 1}' WHERE "id" = ${target}`);
    expect((await verifyAuditChain({ db: prisma, batchSize: 1000 })).firstBad).toEqual({
      id: target,
      kind: "altered",
    });
    if (database.kind === "postgres") {
      const { status, output } = runVerifyCommand(await schemaOf(prisma));
      expect(output).toMatch(new RegExp(`audit chain BROKEN at row ${target} \\(altered\\)`));
      expect(status).toBe(1);
    }
  });
});

describe("removed and inserted rows are named too", () => {
  let local: TestDatabase;
  const write = () =>
    local.prisma.$transaction((tx) =>
      writeAudit(tx, { actorId: null, action: "test.row", entityType: "Test" }),
    );
  beforeAll(async () => {
    local = await createTestDatabase();
    for (let i = 0; i < 5; i++) await write();
    // leave room for a forged id before the last row, as a rolled-back transaction would
    await local.prisma.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"AuditLog"', 'id'), (SELECT max("id") + 10 FROM "AuditLog"))`,
    );
    await write();
  });
  afterAll(() => local.close());

  it("a row slipped in between with a valid hash, a removed row, and rows cut from the end", async () => {
    const { prisma } = local;
    const ids = (await chainRows(prisma)).map((r) => r.id);
    expect((await runAndRecordVerification({ db: prisma, actorId: null })).ok).toBe(true);

    // a forged row, correctly hashed onto its predecessor, in the gap before the last row
    const forged = ids[4] + 1n;
    await asSuperuser(
      prisma,
      `INSERT INTO "AuditLog" ("id", "at", "action", "entityType", "prevHash", "hash")
       SELECT ${forged}, p."at", 'test.forged', 'Test', p."hash",
              audit_log_digest(p."hash", ${forged}, p."at", NULL, 'test.forged', 'Test', NULL, 'ALLOWED', NULL, NULL)
       FROM "AuditLog" p WHERE p."id" = ${ids[4]}`,
    );
    expect((await verifyAuditChain({ db: prisma })).firstBad).toEqual({ id: forged, kind: "inserted" });
    await asSuperuser(prisma, `DELETE FROM "AuditLog" WHERE "id" = ${forged}`);

    // cut the last row: the links still hold, but the recorded head is gone
    await asSuperuser(prisma, `DELETE FROM "AuditLog" WHERE "id" = ${ids[5]}`);
    expect((await runAndRecordVerification({ db: prisma, actorId: null })).firstBad).toEqual({
      id: ids[5],
      kind: "headRemoved",
    });

    // remove a middle row: the next one no longer follows its predecessor
    await asSuperuser(prisma, `DELETE FROM "AuditLog" WHERE "id" = ${ids[2]}`);
    expect((await verifyAuditChain({ db: prisma })).firstBad).toEqual({ id: ids[3], kind: "removedBefore" });
  });
});

describe("rows written before the chain existed", () => {
  it("are chained, in id order, by the migration that introduces it", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = new PGlite({ startParams: [...PGlite.defaultStartParams, ...embeddedSettings] });
    const migrations = migrationSql();
    const chainAt = migrations.findIndex((sql) => sql.includes("audit_log_digest"));
    for (const sql of migrations.slice(0, chainAt)) await pglite.exec(sql);
    await pglite.exec(`
      INSERT INTO "AuditLog" ("action", "entityType", "detail") VALUES ('old.one', 'Test', '{"b": 2, "a": 1}');
      INSERT INTO "AuditLog" ("action", "entityType", "outcome") VALUES ('old.two', 'Test', 'DENIED');`);
    for (const sql of migrations.slice(chainAt)) await pglite.exec(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    try {
      await prisma.$transaction((tx) =>
        writeAudit(tx, { actorId: null, action: "new.one", entityType: "Test" }),
      );
      expect(await verifyAuditChain({ db: prisma })).toMatchObject({ ok: true, rowsChecked: 3 });
    } finally {
      await prisma.$disconnect();
      await pglite.close();
    }
  });
});

async function schemaOf(prisma: PrismaClient): Promise<string> {
  const [{ schema }] = await prisma.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS "schema"`;
  return schema;
}
