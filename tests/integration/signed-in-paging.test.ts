/**
 * The signed-in pages read a page at a time and count only so far (issue 13): the staff queue 50
 * cases to a page, its count stopping ten pages on; the account's cases counted ten pages on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { listQueue, queuePage, queuePageSize } from "@/lib/cases/staffCases";
import { listOwnCases } from "@/lib/cases/ownCases";
import { openStatuses } from "@/lib/cases/queueFilter";
import type { TSessionUser } from "@/lib/auth/types";

let database: TestDatabase;
let caseworker: TSessionUser;
let citizen: TSessionUser;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const load = async (email: string) =>
    (await loadSessionUser({
      db: database.prisma,
      userId: (await database.prisma.user.findUniqueOrThrow({ where: { email } })).id,
    }))!;
  caseworker = await load("caseworker@example.cn");
  citizen = await load("citizen2@example.cn");
  const prisma = database.prisma;
  const services = await prisma.service.findMany({
    where: { department: { code: "RSJ" } },
    select: { id: true },
  });
  const other = await prisma.service.findFirstOrThrow({ where: { department: { code: { not: "RSJ" } } } });
  // 1,000 cases of citizen2: six in seven in the caseworker's department, open and closed,
  // promised dates and submission times colliding on purpose, some with no promised date
  const statuses = ["SUBMITTED", "ACCEPTED", "DELIVERED"] as const;
  await prisma.application.createMany({
    data: Array.from({ length: 1000 }, (_, i) => ({
      trackingNumber: `SV20260102${String(900_000 + i)}`,
      accessCode: "ABCDEF",
      serviceId: i % 7 === 6 ? other.id : services[i % services.length].id,
      applicantId: citizen.id,
      answers: {},
      status: statuses[i % 3],
      submittedAt: new Date(Date.UTC(2026, 0, 2, 0, i % 50, i % 7)),
      promisedDue: i % 5 === 0 ? null : new Date(Date.UTC(2026, 1, 1 + (i % 40))),
    })),
  });
}, 180_000);
afterAll(() => database.close());

const key = (row: { promisedDue: Date | null; submittedAt: Date }) =>
  `${row.promisedDue?.toISOString() ?? "-"} ${row.submittedAt.toISOString()}`;

describe("the workbench's queue, a page at a time", () => {
  it("pages through listQueue's order 50 at a time, counting ten pages past the one shown", async () => {
    const prisma = database.prisma;
    const where = { service: { department: { code: "RSJ" } }, status: { in: openStatuses } };
    const open = await prisma.application.count({ where });
    // the seed's and these: more than 11 pages of open cases, fewer than 21
    expect(open).toBeGreaterThan(11 * queuePageSize);
    expect(open).toBeLessThan(21 * queuePageSize);
    const ordered = (
      await prisma.application.findMany({
        where,
        orderBy: [{ promisedDue: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
        select: { promisedDue: true, submittedAt: true },
      })
    ).map(key);

    const first = await queuePage({ db: prisma, actor: caseworker, filter: {} });
    expect(first.page).toBe(1);
    expect(first.rows.map(key)).toEqual(ordered.slice(0, 50));
    // counted to eleven pages and one case: "at least 551", at least 12 pages
    expect(first).toMatchObject({ more: true, total: 11 * queuePageSize + 1, pages: 12 });
    // the same cases as the CSV's first 500 (listQueue), page by page
    const csv = (await listQueue({ db: prisma, actor: caseworker, filter: {} })).map(key);
    expect(csv.slice(0, 50)).toEqual(first.rows.map(key));

    const third = await queuePage({ db: prisma, actor: caseworker, filter: {}, page: 3 });
    expect(third.rows.map(key)).toEqual(ordered.slice(100, 150));
    expect(third.rows.map((row) => row.trackingNumber)).not.toContain(first.rows[0].trackingNumber);

    // near the end the count reaches the end: exact, and the last page holds the rest
    const pages = Math.ceil(open / queuePageSize);
    const last = await queuePage({ db: prisma, actor: caseworker, filter: {}, page: pages });
    expect(last).toMatchObject({ more: false, total: open, pages, page: pages });
    expect(last.rows.map(key)).toEqual(ordered.slice((pages - 1) * queuePageSize));
    // a page past the end shows the last one, however far past (no page past the hundredth is read)
    const past = await queuePage({ db: prisma, actor: caseworker, filter: {}, page: 1_000_000 });
    expect(past).toMatchObject({ page: pages, more: false, total: open, listedUpTo: null });
    expect(past.rows.map(key)).toEqual(last.rows.map(key));

    // filters apply to the count and the rows alike; another department's cases never show
    const accepted = await queuePage({ db: prisma, actor: caseworker, filter: { status: "ACCEPTED" } });
    expect(accepted.total).toBe(
      Math.min(
        await prisma.application.count({ where: { ...where, status: "ACCEPTED" } }),
        11 * queuePageSize + 1,
      ),
    );
    expect(new Set(accepted.rows.map((row) => row.status))).toEqual(new Set(["ACCEPTED"]));
    const departments = await prisma.application.findMany({
      where: { trackingNumber: { in: first.rows.map((row) => row.trackingNumber) } },
      select: { service: { select: { department: { select: { code: true } } } } },
    });
    expect(new Set(departments.map((row) => row.service.department.code))).toEqual(new Set(["RSJ"]));
  }, 120_000);

  it("is empty, on one page, for staff who work no cases", async () => {
    const editor = { ...caseworker, grants: [{ role: "EDITOR" as const, department: null }] };
    expect(await queuePage({ db: database.prisma, actor: editor, filter: {} })).toMatchObject({
      rows: [],
      total: 0,
      page: 1,
      pages: 1,
      more: false,
    });
  });
});

describe("the account's cases, counted so far", () => {
  it("counts ten pages past the page asked for, and exactly when the list ends before that", async () => {
    const prisma = database.prisma;
    const own = await prisma.application.count({ where: { applicantId: citizen.id } });
    const newest = (
      await prisma.application.findMany({
        where: { applicantId: citizen.id },
        orderBy: [{ submittedAt: "desc" }, { trackingNumber: "desc" }],
        select: { trackingNumber: true },
      })
    ).map((row) => row.trackingNumber);
    const size = 20;
    const first = await listOwnCases({ db: prisma, actor: citizen, pageSize: size, pagesAhead: 10 });
    expect(first).toMatchObject({ page: 1, pages: 12, total: 11 * size + 1, more: true });
    expect(first.items.map((row) => row.trackingNumber)).toEqual(newest.slice(0, size));
    // a later page: still counted only ten pages on
    const fifth = await listOwnCases({ db: prisma, actor: citizen, pageSize: size, page: 5, pagesAhead: 10 });
    expect(fifth).toMatchObject({ page: 5, pages: 16, total: 15 * size + 1, more: true });
    expect(fifth.items.map((row) => row.trackingNumber)).toEqual(newest.slice(4 * size, 5 * size));
    // the last pages: the count reaches the end, exact
    const pages = Math.ceil(own / size);
    const last = await listOwnCases({
      db: prisma,
      actor: citizen,
      pageSize: size,
      page: pages,
      pagesAhead: 10,
    });
    expect(last).toMatchObject({ page: pages, pages, total: own, more: false });
    expect(last.items.map((row) => row.trackingNumber)).toEqual(newest.slice((pages - 1) * size));
    // without pagesAhead (the API's list) the count is exact
    expect(await listOwnCases({ db: prisma, actor: citizen, pageSize: size })).toMatchObject({
      total: own,
      pages,
      more: false,
    });
  }, 60_000);
});
