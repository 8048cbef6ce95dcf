import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { PrismaClient } from "../../lib/db/generated/client";
import { seedDemo } from "../../prisma/seed/seed";
import { migrationSql } from "./db";
import { embeddedSettings } from "../../lib/db/adapter";

declare module "vitest" {
  export interface ProvidedContext {
    /** embedded-database images every test file starts from (empty on PostgreSQL) */
    pgliteSnapshots: { migrated: string; seeded: string } | null;
    /** on PostgreSQL, the schema seeded once that test files copy their rows from */
    postgresSeededSchema: string | null;
  }
}

/**
 * Global set-up of the integration project: on the embedded database, migrates one database and
 * seeds it once, and keeps both images (PGlite's data directory as a tarball) for the whole run;
 * on PostgreSQL, seeds one schema whose rows each seeded test file's own schema copies.
 * Each test file then opens its own copy of an image, instead of running every migration and the
 * whole demo seed again: the same database, in a fraction of the time (the seed's password
 * hashing, guide files and search index alone took most of a file's set-up).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    project.provide("pgliteSnapshots", null);
    return seedPostgresSchema(project, url);
  }
  project.provide("postgresSeededSchema", null);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-test-db-"));
  const files = { migrated: path.join(dir, "migrated.tar"), seeded: path.join(dir, "seeded.tar") };
  const pglite = new PGlite({ startParams: [...PGlite.defaultStartParams, ...embeddedSettings] });
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

/** On PostgreSQL: one schema, migrated and seeded, dropped when the run ends. */
async function seedPostgresSchema(project: TestProject, url: string): Promise<() => Promise<void>> {
  const pg = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const schema = `seeded_${randomBytes(6).toString("hex")}`;
  const admin = new pg.default.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const sql of migrationSql()) await admin.query(sql);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: url, max: 4, options: `-c search_path="${schema}"` },
      { schema },
    ),
  });
  await seedDemo(prisma);
  await prisma.$disconnect();
  project.provide("postgresSeededSchema", schema);
  return async () => {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  };
}
