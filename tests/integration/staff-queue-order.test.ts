import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { listQueue } from "@/lib/cases/staffCases";
import { openStatuses } from "@/lib/cases/queueFilter";
import type { TSessionUser } from "@/lib/auth/types";

let database: TestDatabase;
let caseworker: TSessionUser;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "caseworker@example.cn" } });
  caseworker = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
}, 180_000);
afterAll(() => database.close());

describe("the staff queue, read per service and merged", () => {
  it("is, per service merged, exactly the first 500 of one query over the department in queue order", async () => {
    const prisma = database.prisma;
    const services = await prisma.service.findMany({
      where: { department: { code: "RSJ" } },
      select: { id: true },
    });
    const other = await prisma.service.findFirstOrThrow({ where: { department: { code: { not: "RSJ" } } } });
    expect(services.length).toBeGreaterThan(1);
    const citizen = await prisma.user.findUniqueOrThrow({ where: { email: "citizen@example.cn" } });
    // 700 cases over the department's services and another department's: promised dates and
    // submission times collide on purpose, some have no promised date (they come last)
    const statuses = ["SUBMITTED", "ACCEPTED", "DELIVERED"] as const;
    await prisma.application.createMany({
      data: Array.from({ length: 700 }, (_, i) => ({
        trackingNumber: `SV20260101${String(900_000 + i)}`,
        accessCode: "ABCDEF",
        serviceId: i % 7 === 6 ? other.id : services[i % services.length].id,
        applicantId: citizen.id,
        answers: {},
        status: statuses[i % 3],
        submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i % 50)),
        promisedDue: i % 5 === 0 ? null : new Date(Date.UTC(2026, 1, 1 + (i % 40))),
      })),
    });
    const expected = async (where: object) =>
      (
        await prisma.application.findMany({
          where: { service: { department: { code: "RSJ" } }, ...where },
          orderBy: [{ promisedDue: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
          take: 500,
          select: { trackingNumber: true, promisedDue: true, submittedAt: true },
        })
      ).map((row) => `${row.promisedDue?.toISOString() ?? "-"} ${row.submittedAt.toISOString()}`);
    const listed = async (filter: Parameters<typeof listQueue>[0]["filter"]) =>
      (await listQueue({ db: prisma, actor: caseworker, filter })).map(
        (row) => `${row.promisedDue?.toISOString() ?? "-"} ${row.submittedAt.toISOString()}`,
      );
    // ties in both keys may list in any order: compared by the keys themselves
    const all = await listed({ show: "all" });
    expect(all).toHaveLength(500);
    expect(all).toEqual(await expected({}));
    // open cases, the queue's default
    expect(await listed({})).toEqual(await expected({ status: { in: openStatuses } }));
    expect(await listed({ status: "ACCEPTED" })).toEqual(await expected({ status: "ACCEPTED" }));
    const firstService = await listQueue({
      db: prisma,
      actor: caseworker,
      filter: {
        service: (await prisma.service.findUniqueOrThrow({ where: { id: services[0].id } })).code,
      },
    });
    expect(firstService.length).toBeGreaterThan(0);
    expect(new Set(firstService.map((row) => row.service.code)).size).toBe(1);
    // nothing of another department
    const codes = new Set(
      (await listQueue({ db: prisma, actor: caseworker, filter: {} })).map((r) => r.service.code),
    );
    expect(codes.has(other.code)).toBe(false);
  }, 120_000);
});
