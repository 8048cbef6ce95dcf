import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deployMigrations, diffMigrations } from "@/lib/db/migrations";
import { openAdapter } from "@/lib/db/adapter";

describe("migrations (WebAssembly schema engine)", () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const adapter of opened) await adapter.close();
    if (process.env.TEST_DATABASE_URL)
      for (const name of createdDatabases) await dropDatabase(process.env.TEST_DATABASE_URL, name);
  });

  it("the migrations folder produces exactly the Prisma schema", async () => {
    const scratch = await openAdapter({ kind: "pglite", dir: null });
    opened.push(scratch);
    expect(await diffMigrations(scratch.factory)).toBeNull();
  });

  it("deploy applies every migration once, then nothing", async () => {
    const target = process.env.TEST_DATABASE_URL
      ? ({ kind: "postgres", url: await freshPostgresDatabase(process.env.TEST_DATABASE_URL) } as const)
      : ({ kind: "pglite", dir: null } as const);
    const adapter = await openAdapter(target, { poolSize: 1 });
    opened.push(adapter);
    const first = await deployMigrations(adapter.factory);
    expect(first.length).toBeGreaterThan(0);
    // a second run, as a later start of the server would do it (a new connection), finds nothing to apply
    if (target.kind === "postgres") {
      await adapter.close();
      opened.pop();
    }
    const again = target.kind === "postgres" ? await openAdapter(target, { poolSize: 1 }) : adapter;
    if (again !== adapter) opened.push(again);
    expect(await deployMigrations(again.factory)).toEqual([]);
  });

  it("npm run db:migrate goes to DIRECT_DATABASE_URL, past a transaction pooler at DATABASE_URL", async () => {
    const unreachable = "postgresql://onestop@127.0.0.1:9/pooler";
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-direct-"));
    // on PostgreSQL: DATABASE_URL (the pooler) answers nothing, the direct address is the server;
    // embedded: DIRECT_DATABASE_URL means nothing without a PostgreSQL DATABASE_URL
    const env = process.env.TEST_DATABASE_URL
      ? {
          DATABASE_URL: unreachable,
          DIRECT_DATABASE_URL: await freshPostgresDatabase(process.env.TEST_DATABASE_URL),
        }
      : { DATABASE_URL: "", DIRECT_DATABASE_URL: unreachable };
    try {
      const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db/migrate.ts", "deploy"], {
        env: { ...process.env, ONESTOP_DATA_DIR: dataDir, ...env },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        process.env.TEST_DATABASE_URL
          ? /migrations applied to the PostgreSQL/
          : /applied to the embedded database/,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const createdDatabases: string[] = [];

/** A new empty database on the test server, so `_prisma_migrations` starts empty. */
async function freshPostgresDatabase(url: string): Promise<string> {
  const pg = await import("pg");
  const name = `migrate_${Date.now()}_${createdDatabases.length}`;
  createdDatabases.push(name);
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

async function dropDatabase(url: string, name: string) {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}
