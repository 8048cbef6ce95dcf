import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { GET as list } from "@/app/api/v1/documents/route";
import { GET as one } from "@/app/api/v1/documents/[unit]/[serial]/route";
import { documentFacets, listDocuments, type TDocumentFilter } from "@/lib/disclosure/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
});
afterAll(() => database.close());

describe("GET /api/v1/documents", () => {
  it("lists with filters and pages, and answers 400 for a bad filter", async () => {
    const all = await (await list(new Request("http://x/api/v1/documents"))).json();
    expect(all.total).toBe(
      await database.prisma.disclosureDocument.count({ where: { status: "PUBLISHED" } }),
    );
    const jxw = await (await list(new Request("http://x/api/v1/documents?department=JXW"))).json();
    expect(jxw.items.every((d: { department: { code: string } }) => d.department.code === "JXW")).toBe(true);
    expect((await list(new Request("http://x/api/v1/documents?category=nonsense"))).status).toBe(400);
  });

  it("returns one document by 索引号 with its metadata, and 404 otherwise", async () => {
    const response = await one(new Request("http://x"), {
      params: Promise.resolve({ unit: "SZF", serial: "2006-00001" }),
    });
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc).toMatchObject({
      indexNo: "SZF/2006-00001",
      category: "planning.plans",
      docType: "plan",
      docNumber: "成府发〔2006〕58号",
      source: "成都市人民政府",
      department: { code: "SZF", name: "成都市人民政府" },
    });
    expect(doc.body.length).toBeGreaterThan(10_000);
    expect(
      (await one(new Request("http://x"), { params: Promise.resolve({ unit: "JXW", serial: "1999-00001" }) }))
        .status,
    ).toBe(404);
    expect(
      (await one(new Request("http://x"), { params: Promise.resolve({ unit: "%", serial: "x" }) })).status,
    ).toBe(404);
  });
});

describe("catalogue facets (property test over random filters)", () => {
  it("every facet count equals the total that choosing it gives, for 40 random filter combinations", async () => {
    const departments = await database.prisma.department.findMany({ select: { id: true, code: true } });
    const years = (
      await database.prisma.disclosureDocument.findMany({
        select: { publishedYear: true },
        distinct: ["publishedYear"],
      })
    ).map((r) => r.publishedYear!);
    let seed = 20261126;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const maybe = <T>(values: readonly T[]) =>
      random() < 0.5 ? undefined : values[Math.floor(random() * values.length)];
    for (let run = 0; run < 40; run++) {
      const filter: TDocumentFilter = {
        category: maybe(disclosureCategories),
        department: maybe(departments.map((d) => d.code)),
        year: maybe(years),
        docType: maybe(docTypes),
        q: random() < 0.2 ? "通知" : undefined,
      };
      const facets = await documentFacets(filter);
      const total = (await listDocuments(filter)).total;
      for (const [category, count] of facets.category)
        expect(
          (await listDocuments({ ...filter, category })).total,
          JSON.stringify({ filter, category }),
        ).toBe(count);
      for (const [department, count] of facets.department)
        expect((await listDocuments({ ...filter, department })).total).toBe(count);
      for (const [year, count] of facets.year)
        expect((await listDocuments({ ...filter, year })).total).toBe(count);
      for (const [docType, count] of facets.docType)
        expect((await listDocuments({ ...filter, docType })).total).toBe(count);
      // the facet of a chosen value counts exactly the results shown
      if (filter.category) expect(facets.category.get(filter.category) ?? 0).toBe(total);
      if (filter.department) expect(facets.department.get(filter.department) ?? 0).toBe(total);
    }
  });
});
