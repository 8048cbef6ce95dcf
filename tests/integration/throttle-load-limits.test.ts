import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { countAttempt, TooManyRequestsError } from "@/lib/throttle/throttle";
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
    // on PostgreSQL the first refusal is counted and the rest are refused from memory
    if (database.kind !== "pglite") expect(await stored()).toBe(allowed + 1);
  });

  it("keep counting what guards a secret in the database, so a restart forgets nothing", async () => {
    await countAttempt({ db: database.prisma, limit: "signInAddress", key: "203.0.113.7" });
    expect(await rows("signInAddress")).toBeGreaterThan(0);
  });
});
