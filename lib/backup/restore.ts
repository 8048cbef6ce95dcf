import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import type { DatabaseTarget } from "../db/adapter";
import { lockDataDir } from "../db/dataDirLock";
import type { TStorage } from "../storage/types";
import { backupFormat, sha256File, type TManifest } from "./backup";
import { connectPg, runPgTool } from "./pgTools";
import { countDifferences, tableCounts } from "./snapshot";

/** A restore that must not go ahead: the target holds data, or the file is not a whole backup. */
export class RestoreRefusedError extends Error {}

export type TRestoreResult = { manifest: TManifest; tables: Record<string, number>; seconds: number };

/**
 * Restores a backup into the configured database and storage. A target that already holds data
 * is refused unless `force` (the embedded directory is then moved aside, not deleted; PostgreSQL
 * objects are dropped first). Every file is checked against the manifest before anything is
 * written, and every table's row count after.
 */
export async function restoreBackup(input: {
  file: string;
  target: DatabaseTarget;
  storage: TStorage;
  /** whether the storage already holds files (a local directory can tell; a bucket is not listed) */
  storageHasFiles: boolean;
  force?: boolean;
}): Promise<TRestoreResult> {
  const started = Date.now();
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-restore-"));
  try {
    await tar.extract({ file: path.resolve(input.file), cwd: staging, strict: true });
    const manifest = readManifest(staging);
    await checkFiles(staging, manifest);
    if (input.storageHasFiles && !input.force)
      throw new RestoreRefusedError("the file storage already holds files: pass --force to restore over it");
    if (manifest.database.kind !== input.target.kind)
      throw new RestoreRefusedError(
        `this backup is of ${manifest.database.kind}, the configured database is ${input.target.kind}`,
      );
    const database = path.join(staging, manifest.database.file);
    const tables =
      input.target.kind === "postgres"
        ? await restorePostgres(input.target.url, database, input.force ?? false)
        : await restoreEmbedded(input.target.dir, database, input.force ?? false);
    for (const upload of manifest.uploads) {
      const bytes = fs.readFileSync(path.join(staging, "uploads", upload.key));
      await input.storage.put(upload.key, new Uint8Array(bytes), "application/octet-stream");
    }
    const differences = countDifferences(manifest.tables, tables);
    if (differences.length)
      throw new Error(`the restored database does not match the backup: ${differences.join("; ")}`);
    return { manifest, tables, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(staging: string): TManifest {
  const file = path.join(staging, "manifest.json");
  if (!fs.existsSync(file)) throw new RestoreRefusedError("this file is not an onestop backup (no manifest)");
  let manifest: TManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as TManifest;
  } catch {
    throw new RestoreRefusedError("the backup is damaged: manifest.json cannot be read");
  }
  if (manifest.format !== backupFormat)
    throw new RestoreRefusedError(`unknown backup format ${String(manifest.format)}`);
  // the manifest names files to read from the archive: only the names a backup writes, so a
  // crafted one cannot point outside it
  const storageKey = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i;
  if (
    !["database.tar.gz", "database.pgdump"].includes(manifest.database?.file) ||
    !manifest.uploads.every((u) => storageKey.test(u.key))
  )
    throw new RestoreRefusedError("the backup is damaged: its manifest names files a backup never writes");
  return manifest;
}

/** Every file the manifest names is there with the checksum it had when the backup was made. */
async function checkFiles(staging: string, manifest: TManifest): Promise<void> {
  const expected = [
    { name: manifest.database.file, sha256: manifest.database.sha256 },
    ...manifest.uploads.map((u) => ({ name: path.join("uploads", u.key), sha256: u.sha256 })),
  ];
  for (const { name, sha256 } of expected) {
    const file = path.join(staging, name);
    if (!fs.existsSync(file) || (await sha256File(file)) !== sha256)
      throw new RestoreRefusedError(`the backup is damaged: ${name} is missing or altered`);
  }
}

async function restoreEmbedded(dir: string | null, database: string, force: boolean) {
  if (!dir) throw new RestoreRefusedError("DATABASE_URL=memory:// cannot be restored into");
  // the server must be stopped: the lock says so, naming the process that has the directory open
  const lock = await lockDataDir(dir);
  try {
    if (fs.existsSync(path.join(dir, "PG_VERSION"))) {
      if (!force)
        throw new RestoreRefusedError(`${dir} already holds a database: pass --force to replace it`);
      fs.renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
    }
    fs.mkdirSync(dir, { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create(dir, { loadDataDir: new Blob([fs.readFileSync(database)]) });
    try {
      return await tableCounts(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

async function restorePostgres(url: string, database: string, force: boolean) {
  const { client, target, query } = await connectPg(url);
  try {
    const existing = Object.keys(await tableCounts(query));
    if (existing.length && !force)
      throw new RestoreRefusedError(
        `the database already has ${existing.length} tables: pass --force to replace them`,
      );
    await runPgTool("pg_restore", target, [
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      ...(existing.length ? ["--clean", "--if-exists"] : []),
      database,
    ]);
    return await tableCounts(query);
  } finally {
    await client.end();
  }
}
