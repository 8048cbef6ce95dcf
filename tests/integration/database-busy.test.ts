/**
 * A database too busy to take a call in time is a 503 with Retry-After from the API, not a 500:
 * the call may be made again; a page's form comes back with what was typed, to be sent again. On PostgreSQL that is every pooled connection busy, and a
 * transaction gives up waiting for one after 2 s (Prisma's P2028). The embedded database has one
 * connection, and a transaction there waits its turn behind the one holding it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { apiFailure, busyRetryAfterSeconds, unavailableRetryAfterSeconds } from "@/lib/api/errors";
import { failedFormState } from "@/lib/actions/formAction";
import { connect } from "@/lib/db/connect";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(() => database.close());

const transaction = () => database.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`);

describe(`a busy database on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("answers a transaction that could not start in time 503 with Retry-After, and the next call goes through", async () => {
    const prisma = database.prisma;
    // every connection the client has, busy for longer than a transaction waits for one (2 s)
    const connections = database.kind === "pglite" ? 1 : 20;
    const held = Promise.all(
      Array.from({ length: connections }, () => prisma.$queryRaw`SELECT 1 AS slept FROM pg_sleep(3)`),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const outcome = await transaction().then(
      (rows) => ({ rows }),
      (error: unknown) => ({ error }),
    );
    if (database.kind === "pglite") {
      // the statement ran on the server's own thread: the transaction asked after it, and ran
      expect(outcome).toEqual({ rows: [{ one: 1 }] });
    } else {
      expect("error" in outcome, "the transaction gave up waiting").toBe(true);
      expect(performance.now() - started).toBeLessThan(2_900);
      const response = apiFailure((outcome as { error: unknown }).error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe(String(busyRetryAfterSeconds));
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        error: {
          code: "busy",
          message: `The service is busy: try again in ${busyRetryAfterSeconds} seconds`,
        },
      });
      // a page's form gets its typed values back and is asked to send them again
      expect(failedFormState((outcome as { error: unknown }).error, { name: "张晓明" })).toEqual({
        ok: false,
        values: { name: "张晓明" },
        fieldErrors: {},
        formError: "busy",
      });
    }
    await held;
    await expect(transaction()).resolves.toEqual([{ one: 1 }]);
    // anything else still is a 500 with a reference
    expect(apiFailure(new Error("boom")).status).toBe(500);
  }, 30_000);
});

describe("a database out of reach (a restart, a failover)", () => {
  it("is a 503 with Retry-After from the API, and a form comes back with what was typed", async () => {
    // a real PostgreSQL client and driver, pointed at a port nothing listens on
    const { prisma, close } = await connect({
      kind: "postgres",
      url: "postgresql://onestop@127.0.0.1:9/unreachable",
    });
    try {
      const error = await prisma.user.count().then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error, "the query failed").not.toBeNull();
      const response = apiFailure(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe(String(unavailableRetryAfterSeconds));
      expect(await response.json()).toEqual({
        error: {
          code: "unavailable",
          message: `The service is unavailable for a moment: try again in ${unavailableRetryAfterSeconds} seconds`,
        },
      });
      expect(failedFormState(error, { name: "张晓明" })).toEqual({
        ok: false,
        values: { name: "张晓明" },
        fieldErrors: {},
        formError: "busy",
      });
    } finally {
      await close();
    }
  }, 30_000);

  it(`on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}: a connection ended during a call is a 503 from the API, but a form's is unexpected (it may have been after the commit)`, async () => {
    if (database.kind === "pglite") {
      // the embedded database lives in the process: no server can end its connection
      await expect(database.prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
      return;
    }
    const marker = `ended_${Date.now()}`;
    const call = database.prisma.$queryRawUnsafe(`SELECT pg_sleep(5) AS ${marker}`).then(
      () => null,
      (failure: unknown) => failure,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // what a restart or a failover does to the connections it had
    const { prisma: other, close } = await database.secondClient();
    await other.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%${marker}%' AND pid <> pg_backend_pid()`,
    );
    await close();
    const error = await call;
    expect(error, "the call failed").not.toBeNull();
    expect(apiFailure(error).status).toBe(503);
    expect(failedFormState(error, { name: "张晓明" })).toMatchObject({ formError: "unexpected" });
    // the client opens a new connection for the next call
    await expect(database.prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  }, 30_000);
});
