import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PrismaClient } from "../../lib/db/generated/client";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Client as PgClient } from "pg";
import { inject } from "vitest";
import { seedDemo } from "../../prisma/seed/seed";
import { embeddedSettings, markEmbedded } from "../../lib/db/adapter";
import { takingTurns } from "../../lib/db/turnTaking";
import { flushLoadCounts } from "../../lib/throttle/throttle";

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
    const seededSchema = options.seeded ? inject("postgresSeededSchema") : null;
    const database = await createPostgresSchema(url, seededSchema);
    if (options.seeded && !seededSchema) await seedDemo(database.prisma);
    return database;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const images = inject("pgliteSnapshots");
  const image = images?.[options.seeded ? "seeded" : "migrated"];
  const startParams = [...PGlite.defaultStartParams, ...embeddedSettings];
  const pglite = image
    ? new PGlite({ loadDataDir: new Blob([new Uint8Array(fs.readFileSync(image))]), startParams })
    : new PGlite({ startParams });
  if (!image) for (const sql of migrationSql()) await pglite.exec(sql);
  // as the server opens it (lib/db/adapter.ts): statements take turns with the event loop
  const prisma = markEmbedded(new PrismaClient({ adapter: takingTurns(new PrismaPGlite(pglite)) }));
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

/**
 * Every row of schema `from` into schema `to` (migrated alike), sequences where they were: a
 * seeded schema in a fraction of the time seeding takes. Triggers stay quiet while copying (the
 * audit trail's refuse nothing here, but its hash chain is copied as it is).
 */
export async function copySchemaRows(client: PgClient, from: string, to: string): Promise<void> {
  // an enum is a type of its schema: its values go across as text, cast to the other's type
  const { rows: enums } = await client.query<{ name: string }>(
    "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typtype = 'e'",
    [to],
  );
  const enumNames = new Set(enums.map((e) => e.name));
  const { rows: columns } = await client.query<{ table: string; column: string; udt: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.udt_name AS udt
       FROM information_schema.columns c JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
      ORDER BY c.table_name, c.ordinal_position`,
    [from],
  );
  const tables = new Map<string, { names: string[]; values: string[] }>();
  for (const { table, column, udt } of columns) {
    const entry = tables.get(table) ?? { names: [], values: [] };
    const name = `"${column}"`;
    entry.names.push(name);
    entry.values.push(
      enumNames.has(udt)
        ? `${name}::text::"${to}"."${udt}"`
        : udt.startsWith("_") && enumNames.has(udt.slice(1))
          ? `${name}::text[]::"${to}"."${udt.slice(1)}"[]`
          : name,
    );
    tables.set(table, entry);
  }
  await client.query("BEGIN");
  await client.query("SET LOCAL session_replication_role = replica");
  // the copy replaces what the migrations wrote (a backfill leaves rows in an empty database)
  await client.query(`TRUNCATE ${[...tables.keys()].map((table) => `"${to}"."${table}"`).join(", ")}`);
  for (const [table, { names, values }] of tables)
    await client.query(
      `INSERT INTO "${to}"."${table}" (${names.join(", ")}) OVERRIDING SYSTEM VALUE SELECT ${values.join(", ")} FROM "${from}"."${table}"`,
    );
  const { rows: sequences } = await client.query<{ name: string }>(
    "SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = $1",
    [from],
  );
  for (const { name } of sequences) {
    const [{ last_value, is_called }] = (
      await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value, is_called FROM "${from}"."${name}"`,
      )
    ).rows;
    await client.query(`SELECT setval('"${to}"."${name}"', $1, $2)`, [last_value, is_called]);
  }
  await client.query("COMMIT");
}

async function createPostgresSchema(url: string, seededFrom: string | null = null): Promise<TestDatabase> {
  const pg = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.default.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const sql of migrationSql()) await admin.query(sql);
  if (seededFrom) await copySchemaRows(admin, seededFrom, schema);
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
      // counts the load limiters still hold go to the schema before it goes (else a later batch
      // finds no table, and says so in the log)
      try {
        await flushLoadCounts({ db: prisma });
      } finally {
        await prisma.$disconnect();
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      }
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
