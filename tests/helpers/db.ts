import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PrismaClient } from "../../lib/db/generated/client";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { inject } from "vitest";
import { seedDemo } from "../../prisma/seed/seed";

export type TestDatabase = {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** another connection pool to the same database, as a second app instance would have (PGlite: the same client) */
  secondClient: () => Promise<{ prisma: PrismaClient; close: () => Promise<void> }>;
};

const migrationsDir = path.resolve("prisma/migrations");

/** Every migration's SQL, in order (the same files `npm run db:migrate` applies). */
export function migrationSql(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

/**
 * A fresh database with the migrations applied (and with `seeded`, the demo data), for one test
 * file: an in-memory PGlite by default, opened from the image the integration project's global
 * set-up made (tests/helpers/dbSnapshots.ts), or a new schema on the PostgreSQL of
 * TEST_DATABASE_URL (the CI run sets it), migrated and seeded here.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const database = await createPostgresSchema(url);
    if (options.seeded) await seedDemo(database.prisma);
    return database;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const images = inject("pgliteSnapshots");
  const image = images?.[options.seeded ? "seeded" : "migrated"];
  const pglite = image
    ? new PGlite({ loadDataDir: new Blob([new Uint8Array(fs.readFileSync(image))]) })
    : new PGlite();
  if (!image) for (const sql of migrationSql()) await pglite.exec(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  if (!image && options.seeded) await seedDemo(prisma);
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
    secondClient: async () => ({ prisma, close: async () => {} }),
  };
}

async function createPostgresSchema(url: string): Promise<TestDatabase> {
  const pg = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.default.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const sql of migrationSql()) await admin.query(sql);
  const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPg(
    { connectionString: url, max: 20, options: `-c search_path="${schema}"` },
    { schema },
  );
  const prisma = new PrismaClient({ adapter: factory });
  return {
    prisma,
    kind: "postgres",
    secondClient: async () => {
      const other = new PrismaClient({
        adapter: new PrismaPg(
          { connectionString: url, max: 10, options: `-c search_path="${schema}"` },
          { schema },
        ),
      });
      return { prisma: other, close: () => other.$disconnect() };
    },
    close: async () => {
      await prisma.$disconnect();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

/** Makes lib code that calls db() use this test database. */
export function useAsAppDatabase(database: TestDatabase): void {
  (globalThis as unknown as { __onestopDb?: Promise<PrismaClient> }).__onestopDb = Promise.resolve(
    database.prisma,
  );
}
