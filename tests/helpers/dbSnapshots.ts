import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PrismaClient } from "../../lib/db/generated/client";
import { seedDemo } from "../../prisma/seed/seed";
import { migrationSql } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    /** embedded-database images every test file starts from (empty on PostgreSQL) */
    pgliteSnapshots: { migrated: string; seeded: string } | null;
  }
}

/**
 * Global set-up of the integration project: on the embedded database, migrates one database and
 * seeds it once, and keeps both images (PGlite's data directory as a tarball) for the whole run.
 * Each test file then opens its own copy of an image, instead of running every migration and the
 * whole demo seed again: the same database, in a fraction of the time (the seed's password
 * hashing, guide files and search index alone took most of a file's set-up).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteSnapshots", null);
    return () => {};
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-test-db-"));
  const files = { migrated: path.join(dir, "migrated.tar"), seeded: path.join(dir, "seeded.tar") };
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  const save = async (file: string) =>
    fs.writeFileSync(file, new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await save(files.migrated);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  await seedDemo(prisma);
  await prisma.$disconnect();
  await save(files.seeded);
  await pglite.close();
  project.provide("pgliteSnapshots", files);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
