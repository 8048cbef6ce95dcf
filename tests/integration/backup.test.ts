import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter, type OpenAdapter } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/db/generated/client";
import { serveDumps } from "@/lib/backup/dumpSocket";
import { tableCounts } from "@/lib/backup/snapshot";
import type { TManifest } from "@/lib/backup/backup";
import * as tar from "tar";
import { seedDemo } from "@/prisma/seed/seed";
import { writeAudit } from "@/lib/audit/writeAudit";

/**
 * `npm run db:backup` and `npm run db:restore` as an operator runs them (child processes, the
 * commands of package.json), on the embedded database while this process holds it open as the
 * server would, and on PostgreSQL when the suite runs there.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-backup-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function npmRun(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The same, without blocking this process: it serves the dump socket meanwhile. */
function npmRunAsync(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (status) => resolve({ status, output }));
  });
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const pdf = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% file ${n} ${crypto.randomUUID()}\n%%EOF\n`);

/** Stores a file as the upload code does: bytes in the data directory, a row pointing at them. */
async function storeFile(prisma: PrismaClient, dataDir: string, uploaderId: string, n: number) {
  const bytes = pdf(n);
  const storageKey = `2026/${crypto.randomBytes(12).toString("hex")}`;
  const file = path.join(dataDir, "uploads", storageKey);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  await prisma.attachment.create({
    data: {
      fileName: `f${n}.pdf`,
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
      storageKey,
      uploaderId,
    },
  });
}

function uploadsMatchRows(dataDir: string, rows: { storageKey: string; sha256: string }[]) {
  return rows.every((row) => {
    const file = path.join(dataDir, "uploads", row.storageKey);
    return fs.existsSync(file) && sha256(fs.readFileSync(file)) === row.sha256;
  });
}

type TSide = { env: Record<string, string>; dataDir: string };
type TOpened = { prisma: PrismaClient; close: () => Promise<void> };

/** The database the suite runs on: a data directory, or a new database on the test PostgreSQL. */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const createdDatabases: string[] = [];
afterAll(async () => {
  for (const name of createdDatabases) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function adminQuery(sql: string) {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function newSide(name: string): Promise<TSide> {
  const dataDir = path.join(root, name);
  if (!onPostgres) return { env: { ONESTOP_DATA_DIR: dataDir, DATABASE_URL: "" }, dataDir };
  const database = `backup_${name.replace(/\W/g, "_")}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  createdDatabases.push(database);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${database}`;
  return { env: { ONESTOP_DATA_DIR: dataDir, DATABASE_URL: url.toString() }, dataDir };
}

async function open(side: TSide): Promise<TOpened & { adapter: OpenAdapter }> {
  const adapter = await openAdapter(
    onPostgres
      ? { kind: "postgres", url: side.env.DATABASE_URL }
      : { kind: "pglite", dir: path.join(side.dataDir, "pglite") },
  );
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    adapter,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

const countsOf = (prisma: PrismaClient) => tableCounts(async (sql) => prisma.$queryRawUnsafe(sql));

describe(`backup and restore (${onPostgres ? "PostgreSQL" : "embedded database"})`, () => {
  let live: TSide;
  let server: TOpened;
  let uploaderId: string;

  beforeAll(async () => {
    live = await newSide("live");
    const opened = await open(live);
    server = opened;
    await deployMigrations(opened.adapter.factory);
    await seedDemo(server.prisma);
    uploaderId = (await server.prisma.user.findUniqueOrThrow({ where: { email: "citizen@example.cn" } })).id;
    for (let n = 0; n < 5; n++) await storeFile(server.prisma, live.dataDir, uploaderId, n);
    // an audit trail, whose chain must survive the round trip
    for (let n = 0; n < 20; n++)
      await writeAudit(server.prisma, {
        actorId: uploaderId,
        action: "backup.test",
        entityType: "Test",
        entityId: `${n}`,
      });
    // this process is the server: it holds the embedded directory and answers its dump socket
    if (!onPostgres) await serveDumps(path.join(live.dataDir, "pglite"), async () => {});
  });
  afterAll(async () => {
    await server?.close();
  });

  it("takes a consistent backup while 20 clients keep writing, and restores exactly that", async () => {
    let writing = true;
    let written = 0;
    // each client waits for the network between requests, as real ones do: an embedded query
    // resolves without the event loop turning, so clients that never wait would starve the socket
    const clients = Array.from({ length: 20 }, async (_, c) => {
      while (writing) {
        await storeFile(server.prisma, live.dataDir, uploaderId, 1000 * c + written++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const file = path.join(root, "during.tar");
    const backup = await npmRunAsync("db:backup", [file], live.env);
    writing = false;
    await Promise.all(clients);
    expect(backup.output).toContain("backup written");
    expect(backup.status).toBe(0);
    expect(written).toBeGreaterThan(20);

    const manifest = JSON.parse(
      spawnSync("tar", ["-xOf", file, "manifest.json"], { encoding: "utf8" }).stdout,
    ) as TManifest;
    expect(manifest.database.kind).toBe(onPostgres ? "postgres" : "pglite");
    expect(manifest.tables.Attachment).toBeGreaterThanOrEqual(5);
    expect(manifest.tables.Attachment).toBeLessThan(await server.prisma.attachment.count());
    expect(manifest.missingUploads).toEqual([]);

    const target = await newSide("restored-during");
    const restore = npmRun("db:restore", [file], target.env);
    expect(restore.output).toContain("match the manifest");
    expect(restore.status).toBe(0);
    const copy = await open(target);
    try {
      expect(await countsOf(copy.prisma)).toEqual(manifest.tables);
      const rows = await copy.prisma.attachment.findMany({ select: { storageKey: true, sha256: true } });
      expect(rows).toHaveLength(manifest.tables.Attachment);
      expect(uploadsMatchRows(target.dataDir, rows)).toBe(true);
    } finally {
      await copy.close();
    }
  });

  it("backup → wipe → restore reproduces every row count and upload checksum; a target with data is refused", async () => {
    const file = path.join(root, "quiet.tar");
    expect((await npmRunAsync("db:backup", [file], live.env)).status).toBe(0);
    const before = await countsOf(server.prisma);
    const rows = await server.prisma.attachment.findMany({ select: { storageKey: true, sha256: true } });

    const target = await newSide("wiped");
    expect(npmRun("db:restore", [file], target.env).status).toBe(0);
    const copy = await open(target);
    try {
      expect(await countsOf(copy.prisma)).toEqual(before);
      expect(before.AuditLog).toBeGreaterThanOrEqual(20);
      expect(uploadsMatchRows(target.dataDir, rows)).toBe(true);
    } finally {
      await copy.close();
    }
    // the audit trail comes back as one unbroken chain
    const verified = npmRun("audit:verify", [], target.env);
    expect(verified.output).not.toMatch(/altered|removed|inserted/);
    expect(verified.status).toBe(0);

    // the database alone holding data is refused too
    fs.rmSync(path.join(target.dataDir, "uploads"), { recursive: true });
    const again = npmRun("db:restore", [file], target.env);
    expect(again.output).toMatch(/restore refused: .*(already holds a database|already has \d+ tables)/);
    expect(again.status).toBe(1);
    const forced = npmRun("db:restore", [file, "--force"], target.env);
    expect(forced.output).toContain("match the manifest");
    expect(forced.status).toBe(0);
    if (!onPostgres)
      expect(fs.readdirSync(target.dataDir).some((name) => name.startsWith("pglite.before-restore-"))).toBe(
        true,
      );
  });

  it("refuses a damaged backup before writing anything", async () => {
    const file = path.join(root, "quiet.tar");
    const bytes = fs.readFileSync(file);
    const name = onPostgres ? "database.pgdump" : "database.tar.gz";
    // flip one byte inside the database copy: its data follows its 512-byte tar header, which
    // starts with the name padded with NULs
    bytes[bytes.indexOf(`${name}\0`) + 512 + 100] ^= 0xff;
    const damaged = path.join(root, "damaged.tar");
    fs.writeFileSync(damaged, bytes);
    const target = await newSide("never");
    const refused = npmRun("db:restore", [damaged], target.env);
    expect(refused.output).toContain(`the backup is damaged: ${name}`);
    expect(refused.status).toBe(1);
    const copy = onPostgres ? await open(target) : null;
    try {
      if (copy) expect(Object.keys(await countsOf(copy.prisma))).toEqual([]);
      else expect(fs.existsSync(path.join(target.dataDir, "pglite", "PG_VERSION"))).toBe(false);
    } finally {
      await copy?.close();
    }
  });

  it("refuses a manifest that names a file outside the archive", async () => {
    const unpacked = fs.mkdtempSync(path.join(root, "crafted-"));
    await tar.extract({ file: path.join(root, "quiet.tar"), cwd: unpacked });
    const manifestFile = path.join(unpacked, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as TManifest;
    manifest.uploads.push({ key: "../../../etc/passwd", sha256: "0".repeat(64), bytes: 1 });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const crafted = path.join(root, "crafted.tar");
    await tar.create({ file: crafted, cwd: unpacked }, fs.readdirSync(unpacked));
    const refused = npmRun("db:restore", [crafted], (await newSide("crafted-target")).env);
    expect(refused.output).toContain("its manifest names files a backup never writes");
    expect(refused.status).toBe(1);
  });

  // the embedded directory has one opener at a time; PostgreSQL serves many
  if (!onPostgres)
    it("refuses to restore into the directory a running server holds, naming it", () => {
      const busy = npmRun("db:restore", [path.join(root, "quiet.tar"), "--force"], live.env);
      expect(busy.output).toContain(`process ${process.pid}`);
      expect(busy.status).not.toBe(0);
    });
});
