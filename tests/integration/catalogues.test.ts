import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { documentFacets, listDocuments } from "@/lib/disclosure/queries";
import { getNotice, listNotices } from "@/lib/notices/queries";
import { listServices } from "@/lib/services/queries";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
});
afterAll(() => database.close());

describe("service catalogue", () => {
  it("filters by audience, theme and department", async () => {
    const person = await listServices({ audience: "PERSON" });
    const legal = await listServices({ audience: "LEGAL_PERSON" });
    expect(person.length + legal.length).toBe(await database.prisma.service.count());
    expect(person.every((s) => s.audience === "PERSON")).toBe(true);
    const employment = await listServices({ theme: "employment" });
    expect(employment.map((s) => s.code)).toContain("RS-JYDJ-001");
    expect((await listServices({ department: "RSJ" })).every((s) => s.department.code === "RSJ")).toBe(true);
    expect((await listServices({ q: "就业登记" })).map((s) => s.code)).toContain("RS-JYDJ-001");
  });
});

describe("disclosure catalogue", () => {
  it("clamps the page to the last one", async () => {
    const last = await listDocuments({ page: 9_999_999_999 });
    expect(last.page).toBe(last.pages);
    expect(last.items.length).toBeGreaterThan(0);
  });

  it("facet counts equal the result totals they lead to", async () => {
    const facets = await documentFacets({});
    for (const [category, count] of facets.category)
      expect((await listDocuments({ category })).total, category).toBe(count);
    for (const [department, count] of facets.department)
      expect((await listDocuments({ department })).total, department).toBe(count);
    for (const [year, count] of facets.year)
      expect((await listDocuments({ year })).total, String(year)).toBe(count);
    const all = await listDocuments({});
    expect([...facets.docType.values()].reduce((a, b) => a + b, 0)).toBe(all.total);
  });

  it("combines filters and pages newest first", async () => {
    const first = await listDocuments({ page: 1 });
    const dates = first.items.map((d) => d.publishedAt!.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const facets = await documentFacets({ department: "RSJ" });
    for (const [category, count] of facets.category)
      expect((await listDocuments({ department: "RSJ", category })).total).toBe(count);
  });
});

describe("community notices", () => {
  it("lists only current notices, urgent ones first, then pinned", async () => {
    const now = new Date();
    const { items, total } = await listNotices({ filter: {} });
    expect(total).toBeGreaterThan(0);
    for (const n of items) expect(n.expiresAt === null || n.expiresAt > now).toBe(true);
    // urgent (【紧急】, 防汛应急) before every routine notice; among routine ones, pinned first
    const routine = items.filter((n) => !n.urgent && !n.emergency);
    expect(items.slice(0, items.length - routine.length).every((n) => n.urgent || n.emergency)).toBe(true);
    const firstUnpinned = routine.findIndex((n) => !n.pinned);
    expect(routine.slice(firstUnpinned).some((n) => n.pinned)).toBe(false);
  });

  it("keeps an expired notice reachable by its URL but out of the list", async () => {
    const expired = await database.prisma.notice.findFirstOrThrow({
      where: { expiresAt: { lt: new Date() } },
    });
    expect((await getNotice({ id: expired.id }))?.id).toBe(expired.id);
    const { items } = await listNotices({ filter: {} });
    expect(items.map((n) => n.id)).not.toContain(expired.id);
  });

  it("filters by community, street and district", async () => {
    const community = await database.prisma.community.findFirstOrThrow({
      include: { street: { include: { district: true } } },
      orderBy: { code: "asc" },
    });
    const byCommunity = await listNotices({ filter: { community: community.code } });
    const byStreet = await listNotices({ filter: { street: community.street.code } });
    const byDistrict = await listNotices({ filter: { district: community.street.district.code } });
    expect(byCommunity.total).toBeGreaterThan(0);
    expect(byStreet.total).toBeGreaterThanOrEqual(byCommunity.total);
    expect(byDistrict.total).toBeGreaterThanOrEqual(byStreet.total);
  });
});
