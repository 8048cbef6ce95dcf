import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openAdapter, type DatabaseTarget } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/db/generated/client";
import { databaseUnavailable } from "@/lib/db/unavailable";

/**
 * What `npm start` retries while PostgreSQL restarts (scripts/db/prepare.ts asks
 * databaseUnavailable): the real errors of the real layers, not strings copied from a log. On
 * PostgreSQL the server ends the connections itself (pg_terminate_backend, what a fast shutdown
 * does to them); on either database a server that is not there, and a query that is wrong.
 */
const url = process.env.TEST_DATABASE_URL;
const created: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `unavailable_${Date.now()}`;
  created.push(name);
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const next = new URL(url!);
  next.pathname = `/${name}`;
  return next.toString();
}

/** Ends every other connection to the database, as a restarting server does. */
const terminateConnections = (database: string) =>
  admin((client) =>
    client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    ),
  );

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failure = (work: Promise<unknown>) =>
  work.then(
    () => new Error("expected a failure"),
    (error: unknown) => error,
  );

afterAll(async () => {
  if (url)
    for (const name of created)
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe("a database that goes away is told from a query that is wrong", () => {
  it("a server that is not there is unavailable, through the driver and through the adapter", async () => {
    const nowhere = `postgresql://onestop@127.0.0.1:${await closedPort()}/onestop`;
    const client = new pg.Client({ connectionString: nowhere });
    expect(databaseUnavailable(await failure(client.connect()))).toBe(true);
    const adapter = await openAdapter({ kind: "postgres", url: nowhere }, { poolSize: 1 });
    try {
      const prisma = new PrismaClient({ adapter: adapter.factory });
      expect(databaseUnavailable(await failure(prisma.department.count()))).toBe(true);
    } finally {
      await adapter.close();
    }
  });

  it("a wrong query is not", async () => {
    const target: DatabaseTarget = url ? { kind: "postgres", url } : { kind: "pglite", dir: null };
    const adapter = await openAdapter(target, { poolSize: 1 });
    try {
      const prisma = new PrismaClient({ adapter: adapter.factory });
      const error = await failure(prisma.$queryRawUnsafe("SELECT * FROM no_such_table"));
      expect(error).toBeInstanceOf(Error);
      expect(databaseUnavailable(error)).toBe(false);
    } finally {
      await adapter.close();
    }
  });

  it("connections the server ends mid-work are unavailable: a query through the adapter, and a migration through the schema engine (PostgreSQL); a closed embedded database is not a server to wait for", async () => {
    if (!url) {
      // in-process: nothing restarts under it, and npm start retries PostgreSQL only
      const adapter = await openAdapter({ kind: "pglite", dir: null }, { poolSize: 1 });
      const prisma = new PrismaClient({ adapter: adapter.factory });
      await prisma.$queryRawUnsafe("SELECT 1");
      await adapter.close();
      const error = await failure(prisma.$queryRawUnsafe("SELECT 1"));
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).not.toContain("expected a failure");
      expect(databaseUnavailable(error), String(error)).toBe(false);
      return;
    }
    const database = await freshDatabase();
    const name = new URL(database).pathname.slice(1);
    const adapter = await openAdapter({ kind: "postgres", url: database }, { poolSize: 1 });
    try {
      expect((await deployMigrations(adapter.factory)).length).toBeGreaterThan(0);
      const prisma = new PrismaClient({ adapter: adapter.factory });
      // a query running when the server goes down
      const running = failure(prisma.$queryRawUnsafe("SELECT pg_sleep(10)"));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await terminateConnections(name);
      const queried = await running;
      expect(databaseUnavailable(queried), String(queried)).toBe(true);
      // a migration running when the server goes down: held at the migrations table by a lock
      // another session takes, then cut off
      const holder = new pg.Client({ connectionString: database });
      await holder.connect();
      try {
        await holder.query('BEGIN; LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE');
        const migrating = failure(deployMigrations(adapter.factory));
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await admin((client) =>
          client.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2",
            [name, (holder as unknown as { processID: number }).processID],
          ),
        );
        const migrated = await migrating;
        expect(databaseUnavailable(migrated), String(migrated)).toBe(true);
      } finally {
        await holder.end();
      }
    } finally {
      await adapter.close();
    }
  });
});
