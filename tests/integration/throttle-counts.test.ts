import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import {
  clearAttempts,
  countAttempt,
  isRemembered,
  refundAttempt,
  rememberKey,
  TooManyRequestsError,
} from "@/lib/throttle/throttle";
import { limits } from "@/lib/throttle/limits";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The stored row of a key's first tier. */
const stored = (limit: keyof typeof limits, key: string) =>
  database.prisma.throttleCount.findUnique({
    where: { key: `${limit}:${limits[limit][0].windowSeconds}:${key}` },
  });

/**
 * What the database counts (each attempt one statement, lib/throttle/throttle.ts): the count of a
 * window, a new window once it has ended, refunds, marks and concurrent attempts.
 */
describe(`throttle counts in the database (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("counts every attempt of many at once, and refuses the one over the limit", async () => {
    const key = "198.51.100.1";
    const allowed = limits.signInAddress[0].points;
    await Promise.all(
      Array.from({ length: allowed }, () =>
        countAttempt({ db: database.prisma, limit: "signInAddress", key }),
      ),
    );
    expect((await stored("signInAddress", key))?.points).toBe(allowed);
    const over = await countAttempt({ db: database.prisma, limit: "signInAddress", key }).catch(
      (error) => error,
    );
    expect(over).toBeInstanceOf(TooManyRequestsError);
    expect((over as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(60);
  });

  it("starts a new window with a count of one once the window has ended", async () => {
    const key = "198.51.100.2";
    for (let i = 0; i < 3; i++) await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    const first = await stored("signInAddress", key);
    expect(first?.points).toBe(3);
    await database.prisma.throttleCount.update({
      where: { key: first!.key },
      data: { expire: new Date(Date.now() - 1000) },
    });
    await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    const next = await stored("signInAddress", key);
    expect(next?.points).toBe(1);
    const windowMs = limits.signInAddress[0].windowSeconds * 1000;
    expect(next!.expire!.getTime()).toBeGreaterThan(Date.now() + windowMs - 60_000);
    expect(next!.expire!.getTime()).toBeLessThanOrEqual(Date.now() + windowMs);
  });

  it("adds to the current window without moving its end", async () => {
    const key = "198.51.100.3";
    await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    const first = await stored("signInAddress", key);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    const second = await stored("signInAddress", key);
    expect(second?.points).toBe(2);
    expect(second?.expire?.getTime()).toBe(first?.expire?.getTime());
  });

  it("gives a refunded attempt back, and forgets a cleared key", async () => {
    const key = "198.51.100.4";
    await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    await countAttempt({ db: database.prisma, limit: "signInAddress", key });
    await refundAttempt({ db: database.prisma, limit: "signInAddress", key });
    expect((await stored("signInAddress", key))?.points).toBe(1);
    await clearAttempts({ db: database.prisma, limit: "signInAddress", key });
    expect(await stored("signInAddress", key)).toBeNull();
  });

  it("marks a key for its window, a new mark replacing the old count", async () => {
    const key = "198.51.100.5";
    const limit = "signInAddress";
    expect(await isRemembered({ db: database.prisma, limit, key })).toBe(false);
    for (let i = 0; i < 4; i++) await countAttempt({ db: database.prisma, limit, key });
    await rememberKey({ db: database.prisma, limit, key });
    expect((await stored(limit, key))?.points).toBe(1);
    expect(await isRemembered({ db: database.prisma, limit, key })).toBe(true);
  });
});
