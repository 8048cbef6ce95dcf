import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { submitApplication } from "@/lib/cases/submitApplication";
import { nextTrackingNumber, TrackingNumberAllocator } from "@/lib/identifiers/trackingNumbers";
import { employmentAnswers } from "../helpers/demo";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
}, 180_000);
afterAll(() => database.close());

const day = new Date("2026-11-26T04:00:00Z");

describe("block-allocated 办件编号", () => {
  it("stay unique across instances drawing concurrently, beside in-transaction numbers of the same kind", async () => {
    // three instances: two pools of the same database (on PGlite the same client) and a third allocator
    const second = await database.secondClient();
    try {
      const instances = [
        new TrackingNumberAllocator(database.prisma, 7),
        new TrackingNumberAllocator(second.prisma, 5),
        new TrackingNumberAllocator(database.prisma, 1),
      ];
      const drawn = await Promise.all([
        ...Array.from({ length: 300 }, (_, i) => instances[i % 3].next("SV", day)),
        // a kind that still takes its serial inside a transaction shares the same row
        ...Array.from({ length: 20 }, () =>
          database.prisma.$transaction((tx) => nextTrackingNumber(tx, "SV", day)),
        ),
      ]);
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const number of drawn) expect(number).toMatch(/^SV20261126\d{6}$/);
      // every number drawn lies within what the serial row has handed out (gaps allowed, no overlap)
      const row = await database.prisma.dailySerial.findUniqueOrThrow({
        where: { kind_day: { kind: "SV", day: "20261126" } },
      });
      const serials = drawn.map((n) => Number(n.slice(-6)));
      expect(Math.max(...serials)).toBeLessThanOrEqual(row.value);
      // an instance that restarts (a new allocator) continues after every block reserved so far
      const restarted = await new TrackingNumberAllocator(database.prisma, 5).next("SV", day);
      expect(Number(restarted.slice(-6))).toBe(row.value + 1);
    } finally {
      await second.close();
    }
  });

  it("starts each China day at the first block and refuses past 999999", async () => {
    const allocator = new TrackingNumberAllocator(database.prisma, 3);
    // 16:30 UTC is already the next day in China
    expect(await allocator.next("GK", new Date("2026-11-26T16:30:00Z"))).toBe("GK20261127000001");
    expect(await allocator.next("GK", new Date("2026-11-26T16:31:00Z"))).toBe("GK20261127000002");
    await database.prisma.dailySerial.create({ data: { kind: "XJ", day: "20261126", value: 999_998 } });
    expect(await allocator.next("XJ", day)).toBe("XJ20261126999999");
    await expect(allocator.next("XJ", day)).rejects.toThrow(/exhausted/);
  });

  it("gives 40 concurrent submissions on two instances distinct numbers, and each a notice committed with its case", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "citizen@example.cn" } });
    const actor = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
    const second = await database.secondClient();
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const id = randomUUID().replace(/-/g, "").slice(0, 24);
          await database.prisma.attachment.create({
            data: {
              id,
              fileName: "id.pdf",
              mimeType: "application/pdf",
              size: 100,
              sha256: "0".repeat(64),
              storageKey: `test/${id}`,
              uploaderId: actor.id,
            },
          });
          return submitApplication({
            db: i % 2 ? second.prisma : database.prisma,
            actor,
            serviceCode: "RS-JYDJ-001",
            answers: employmentAnswers(id),
            idempotencyKey: randomUUID(),
          });
        }),
      );
      const numbers = results.map((r) => r.trackingNumber);
      expect(new Set(numbers).size).toBe(40);
      for (const number of numbers) expect(number).toMatch(/^SV\d{14}$/);
      expect(await database.prisma.application.count({ where: { trackingNumber: { in: numbers } } })).toBe(
        40,
      );
      const notes = await database.prisma.notification.findMany({
        where: { userId: actor.id, kind: "case.submit" },
        select: { link: true },
      });
      expect(new Set(notes.map((n) => n.link?.split("/").at(-1)))).toEqual(new Set(numbers));
      expect(await database.prisma.outboxMail.count({ where: { userId: actor.id } })).toBe(40);
    } finally {
      await second.close();
    }
  }, 180_000);
});
