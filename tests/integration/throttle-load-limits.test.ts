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

describe("load limits in a process on the embedded database", () => {
  it("count searches in memory, refusing the one over the limit, and write no row", async () => {
    const allowed = limits.search[0].points;
    const key = "203.0.113.7";
    for (let i = 0; i < allowed; i++) await countAttempt({ db: database.prisma, limit: "search", key });
    const over = await countAttempt({ db: database.prisma, limit: "search", key }).catch((error) => error);
    expect(over).toBeInstanceOf(TooManyRequestsError);
    expect((over as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(0);
    // another address has its own count
    await countAttempt({ db: database.prisma, limit: "search", key: "203.0.113.8" });
    expect(await rows("search")).toBe(0);
  });

  it("keep counting what guards a secret in the database, so a restart forgets nothing", async () => {
    await countAttempt({ db: database.prisma, limit: "signInAddress", key: "203.0.113.7" });
    expect(await rows("signInAddress")).toBeGreaterThan(0);
  });
});
