import { afterAll, describe, expect, it } from "vitest";
import { deployMigrations, diffMigrations } from "@/lib/db/migrations";
import { openAdapter } from "@/lib/db/adapter";

describe("migrations (WebAssembly schema engine)", () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const adapter of opened) await adapter.close();
    if (createdDatabase && process.env.TEST_DATABASE_URL)
      await dropDatabase(process.env.TEST_DATABASE_URL, createdDatabase);
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
});

let createdDatabase: string | null = null;

/** A new empty database on the test server, so `_prisma_migrations` starts empty. */
async function freshPostgresDatabase(url: string): Promise<string> {
  const pg = await import("pg");
  const name = `migrate_${Date.now()}`;
  createdDatabase = name;
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
