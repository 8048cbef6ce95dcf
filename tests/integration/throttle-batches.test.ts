import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { BatchedLimiter, batchedKeys, batchMs } from "@/lib/throttle/batchedLimiter";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const pointsOf = async (prefix: string) =>
  (await database.prisma.throttleCount.findMany({ where: { key: { startsWith: `${prefix}:` } } })).reduce(
    (sum, row) => sum + row.points,
    0,
  );

/** The batches of a load limit (lib/throttle/batchedLimiter.ts) against a real database. */
describe(`batched load counts (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("adds two instances' batches of the same keys, first seen in opposite orders, without a failed batch", async () => {
    const second = await database.secondClient();
    const failures = vi.spyOn(console, "error");
    try {
      const options = { keyPrefix: "order", points: 120, duration: 60 };
      const one = new BatchedLimiter(database.prisma, options);
      const other = new BatchedLimiter(second.prisma, options);
      const keys = Array.from({ length: 2000 }, (_, i) => `203.0.${i >> 8}.${i & 255}`);
      for (let round = 1; round <= 3; round++) {
        for (const key of keys) await one.consume(key);
        for (const key of [...keys].reverse()) await other.consume(key);
        // both batches at once: rows locked in opposite orders would deadlock one of them
        await Promise.all([one.flush(), other.flush()]);
        expect(failures).not.toHaveBeenCalled();
        expect(await pointsOf("order")).toBe(2 * round * keys.length);
      }
    } finally {
      failures.mockRestore();
      await second.close();
    }
  });

  it("counts a key that finds no room straight in the table", async () => {
    const limiter = new BatchedLimiter(database.prisma, { keyPrefix: "room", points: 120, duration: 60 });
    // every kept key has an attempt on its way: none can be forgotten to make room
    for (let i = 0; i < batchedKeys; i++) await limiter.consume(`k${i}`);
    const row = () => database.prisma.throttleCount.findUnique({ where: { key: "room:late" } });
    expect(await row()).toBeNull();
    await limiter.consume("late");
    expect((await row())?.points).toBe(1);
    await limiter.flush();
    expect(await pointsOf("room")).toBe(batchedKeys + 1);
  }, 120_000);

  it("keeps counting in memory while the database fails, and tries again with a growing pause", async () => {
    const lost = await createTestDatabase();
    await lost.close();
    const failures = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const limiter = new BatchedLimiter(lost.prisma, { keyPrefix: "lost", points: 5, duration: 60 });
      for (let i = 0; i < 5; i++) await limiter.consume("203.0.113.50");
      // the limit holds from memory
      await expect(limiter.consume("203.0.113.50")).rejects.toMatchObject({ remainingPoints: 0 });
      await limiter.flush();
      await new Promise((resolve) => setTimeout(resolve, 10 * batchMs));
      // pauses of 100, 200, 400 ms…: a handful of tries in a second, not one after another
      expect(failures.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(failures.mock.calls.length).toBeLessThanOrEqual(6);
      await expect(limiter.consume("203.0.113.50")).rejects.toMatchObject({ remainingPoints: 0 });
    } finally {
      failures.mockRestore();
    }
  });
});
