import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/connect";
import { openAdapter } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { clientOf, publicReadClientOf } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { listServices } from "@/lib/services/queries";
import { searchPortal } from "@/lib/search/queries";
import { ZSearchQuery } from "@/lib/search/schema";
import { seedDemo } from "@/prisma/seed/seed";
import { createTestDatabase } from "../helpers/db";

const holder = globalThis as unknown as {
  __onestopDb?: Promise<PrismaClient>;
  __onestopReplica?: Promise<Connection>;
};
const saved = {
  DATABASE_URL: process.env.DATABASE_URL,
  DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL,
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  holder.__onestopDb = undefined;
  const replica = holder.__onestopReplica;
  holder.__onestopReplica = undefined;
  await (await replica?.catch(() => undefined))?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new database on the test server with the migrations applied. */
async function freshDatabase(server: string, name: string): Promise<Connection & { url: string }> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const again = new pg.Client({ connectionString: server });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  const target = { kind: "postgres", url: url.toString() } as const;
  const migrator = await openAdapter(target, { poolSize: 1 });
  await deployMigrations(migrator.factory);
  await migrator.close();
  const connection = await connect(target);
  cleanups.push(connection.close);
  return { ...connection, url: url.toString() };
}

describe("DATABASE_REPLICA_URL", () => {
  it("serves public reads and search from the replica, and everything else from the primary", async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) {
      // the embedded database has no replica: the setting means nothing without PostgreSQL
      const database = await createTestDatabase();
      cleanups.push(database.close);
      holder.__onestopDb = Promise.resolve(database.prisma);
      process.env.DATABASE_URL = "";
      process.env.DATABASE_REPLICA_URL = "postgresql://onestop@127.0.0.1:9/replica";
      expect(await publicReadClientOf({})).toBe(database.prisma);
      return;
    }
    // two databases stand for the primary and its replica: only the "replica" has the catalogue
    const primary = await freshDatabase(server, "onestop_replica_primary");
    const replica = await freshDatabase(server, "onestop_replica_copy");
    await seedDemo(replica.prisma);
    holder.__onestopDb = Promise.resolve(primary.prisma);
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_REPLICA_URL = replica.url;

    expect((await listServices({})).map((s) => s.code)).toContain("RS-JYDJ-001");
    const found = await searchPortal({ query: ZSearchQuery.parse({ q: "就业登记" }), locale: "zh-Hans" });
    expect(found.results.length).toBeGreaterThan(0);
    // the primary itself is untouched by those reads and still empty
    expect(await (await clientOf({})).service.count()).toBe(0);
    // a function given its own client keeps it (tests, transactions)
    expect(await listServices({ db: primary.prisma })).toEqual([]);
  });
});
