import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { countAttempt, flushLoadCounts, TooManyRequestsError } from "@/lib/throttle/throttle";
import { batchMs } from "@/lib/throttle/batchedLimiter";
import { limits } from "@/lib/throttle/limits";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const rows = (prefix: string) =>
  database.prisma.throttleCount.count({ where: { key: { startsWith: prefix } } });

/**
 * The load limits (searches, API writes) count in the process's memory on the embedded database,
 * whose process is its only instance, and in the database on PostgreSQL, where every instance's
 * attempts must add up; what guards a secret counts in the database on both.
 */
describe(`load limits on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "the embedded database"}`, () => {
  it("refuse the search over the limit, each address counted on its own, in memory only where the database is embedded", async () => {
    const allowed = limits.search[0].points;
    const key = "203.0.113.7";
    for (let i = 0; i < allowed; i++) await countAttempt({ db: database.prisma, limit: "search", key });
    const over = await countAttempt({ db: database.prisma, limit: "search", key }).catch((error) => error);
    expect(over).toBeInstanceOf(TooManyRequestsError);
    expect((over as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(0);
    // another address has its own count
    await countAttempt({ db: database.prisma, limit: "search", key: "203.0.113.8" });
    await flushLoadCounts({ db: database.prisma });
    if (database.kind === "pglite") expect(await rows("search")).toBe(0);
    else expect(await rows("search")).toBeGreaterThanOrEqual(2);
  });

  it("refuse a client over the limit again and again without counting it again: no write per refused search", async () => {
    const allowed = limits.search[0].points;
    const key = "203.0.113.9";
    const stored = async () =>
      (await database.prisma.throttleCount.findMany({ where: { key: { contains: key } } })).reduce(
        (sum, row) => sum + row.points,
        0,
      );
    for (let i = 0; i < allowed; i++) await countAttempt({ db: database.prisma, limit: "search", key });
    const refusals = [];
    for (let i = 0; i < 20; i++)
      refusals.push(
        await countAttempt({ db: database.prisma, limit: "search", key }).catch((error) => error),
      );
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(TooManyRequestsError);
      expect((refusal as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(0);
    }
    // on PostgreSQL the table holds the allowed searches; no refusal was written
    await flushLoadCounts({ db: database.prisma });
    if (database.kind !== "pglite") expect(await stored()).toBe(allowed);
  });

  it("keep counting what guards a secret in the database, so a restart forgets nothing", async () => {
    await countAttempt({ db: database.prisma, limit: "signInAddress", key: "203.0.113.7" });
    expect(await rows("signInAddress")).toBeGreaterThan(0);
  });

  it("count two instances' attempts together: each learns the other's with its next batch", async () => {
    const second = await database.secondClient();
    try {
      const allowed = limits.search[0].points;
      const key = "203.0.113.20";
      const search = (db: typeof database.prisma) => countAttempt({ db, limit: "search", key });
      for (let i = 0; i < allowed / 2; i++) await search(database.prisma);
      for (let i = 0; i < allowed / 2; i++) await search(second.prisma);
      await flushLoadCounts({ db: database.prisma });
      await flushLoadCounts({ db: second.prisma });
      // the instance whose batch went last knows the whole count
      await expect(search(second.prisma)).rejects.toBeInstanceOf(TooManyRequestsError);
      // the other knew only half: on PostgreSQL one more gets through there, and its batch
      // brings back the whole count (on the embedded database both are the one process)
      const next = await search(database.prisma).catch((error) => error);
      if (database.kind === "pglite") expect(next).toBeInstanceOf(TooManyRequestsError);
      else expect(next).toBeUndefined();
      await flushLoadCounts({ db: database.prisma });
      await expect(search(database.prisma)).rejects.toBeInstanceOf(TooManyRequestsError);
    } finally {
      await second.close();
    }
  });

  it("add a batch to the shared table by themselves, a window that ended starting again at its count", async () => {
    const key = "203.0.113.21";
    const row = () => database.prisma.throttleCount.findUnique({ where: { key: `search:60:${key}` } });
    for (let i = 0; i < 3; i++) await countAttempt({ db: database.prisma, limit: "search", key });
    await new Promise((resolve) => setTimeout(resolve, batchMs * 4));
    if (database.kind === "pglite") {
      expect(await row()).toBeNull();
      return;
    }
    expect((await row())?.points).toBe(3);
    await database.prisma.throttleCount.update({
      where: { key: `search:60:${key}` },
      data: { expire: new Date(Date.now() - 1000) },
    });
    await countAttempt({ db: database.prisma, limit: "search", key });
    await flushLoadCounts({ db: database.prisma });
    expect((await row())?.points).toBe(1);
    expect((await row())!.expire!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });
});
