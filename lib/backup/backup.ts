import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { openAdapter, openPgliteOf, type DatabaseTarget } from "../db/adapter";
import { DataDirLockedError } from "../db/dataDirLock";
import type { TStorage } from "../storage/types";
import { requestDump } from "./dumpSocket";
import { connectPg, runPgTool } from "./pgTools";
import { snapshotFacts, type TSnapshotFacts } from "./snapshot";

/**
 * A backup is one tar file: `manifest.json`, the database (`database.tar.gz`, PGlite's own copy
 * of its data directory, or `database.pgdump`, pg_dump's custom format) and `uploads/<key>` for
 * every file the database's rows point at. The manifest carries what a restore checks: the
 * migration, every table's row count, and a SHA-256 of the database file and of each upload.
 */
export const backupFormat = "onestop-backup/1";

export type TManifest = TSnapshotFacts & {
  format: typeof backupFormat;
  createdAt: string;
  database: { kind: "pglite" | "postgres"; file: string; sha256: string; bytes: number };
  uploads: { key: string; sha256: string; bytes: number }[];
  /** rows pointing at a file the storage no longer had when the backup was taken */
  missingUploads: string[];
};

export type TBackupResult = { file: string; manifest: TManifest; seconds: number };

export async function createBackup(input: {
  file: string;
  target: DatabaseTarget;
  storage: TStorage;
}): Promise<TBackupResult> {
  const started = Date.now();
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-backup-"));
  try {
    const { kind, file, facts } =
      input.target.kind === "postgres"
        ? await dumpPostgres(input.target.url, staging)
        : await dumpEmbedded(input.target.dir, staging);
    const uploads: TManifest["uploads"] = [];
    const missingUploads: string[] = [];
    for (const { key } of facts.files) {
      // one file in memory at a time; each is limited in size when it is uploaded
      const bytes = await input.storage.get(key);
      if (!bytes) {
        missingUploads.push(key);
        continue;
      }
      const target = path.join(staging, "uploads", key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
      uploads.push({ key, sha256: sha256(bytes), bytes: bytes.length });
    }
    const manifest: TManifest = {
      format: backupFormat,
      createdAt: new Date().toISOString(),
      ...facts,
      database: {
        kind,
        file,
        sha256: await sha256File(path.join(staging, file)),
        bytes: sizeOf(staging, file),
      },
      uploads,
      missingUploads,
    };
    fs.writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
    const out = path.resolve(input.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    const entries = ["manifest.json", file, ...(uploads.length ? ["uploads"] : [])];
    await tar.create({ file: partial, cwd: staging, portable: true }, entries);
    // a backup file exists only once it is whole
    fs.renameSync(partial, out);
    return { file: out, manifest, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

type TDumped = { kind: "pglite" | "postgres"; file: string; facts: TSnapshotFacts };

/**
 * The embedded database: from the running server over its socket, or — when no server has it
 * open — opened here under the data directory's lock. The figures are read from the copy itself.
 */
async function dumpEmbedded(dir: string | null, staging: string): Promise<TDumped> {
  if (!dir) throw new Error("the in-memory database (DATABASE_URL=memory://) has nothing to back up");
  let dump = await requestDump(dir);
  if (!dump) {
    try {
      const adapter = await openAdapter({ kind: "pglite", dir });
      try {
        const pglite = openPgliteOf(dir);
        if (!pglite) throw new Error("the embedded database did not open");
        await pglite.query("CHECKPOINT");
        dump = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
      } finally {
        await adapter.close();
      }
    } catch (error) {
      // the server is starting (it holds the lock, its socket is not up yet): ask once more
      if (error instanceof DataDirLockedError) dump = await requestDump(dir);
      if (!dump) throw error;
    }
  }
  const file = "database.tar.gz";
  fs.writeFileSync(path.join(staging, file), dump);
  const { PGlite } = await import("@electric-sql/pglite");
  const copy = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(dump)]) });
  try {
    const facts = await snapshotFacts(async (sql) => (await copy.query<Record<string, unknown>>(sql)).rows);
    return { kind: "pglite", file, facts };
  } finally {
    await copy.close();
  }
}

/**
 * PostgreSQL: pg_dump in its custom format, inside a snapshot exported from a repeatable-read
 * transaction that also reads the figures, so dump and manifest describe the same instant while
 * the portal keeps writing.
 */
async function dumpPostgres(url: string, staging: string): Promise<TDumped> {
  const { client, target, query } = await connectPg(url);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const facts = await snapshotFacts(query);
    const file = "database.pgdump";
    await runPgTool("pg_dump", target, [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--snapshot=${rows[0].id}`,
      `--file=${path.join(staging, file)}`,
    ]);
    await client.query("COMMIT");
    return { kind: "postgres", file, facts };
  } finally {
    await client.end();
  }
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function sizeOf(dir: string, file: string): number {
  return fs.statSync(path.join(dir, file)).size;
}
