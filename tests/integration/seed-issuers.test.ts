import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { documents } from "@/prisma/seed/data/documents";
import { seedDemo } from "@/prisma/seed/seed";

/**
 * Each 文号's 发文代字 names the body that issued it: it must be filed under that body (发布机构),
 * and its 来源 must be that body's name as it was then (a body renamed since keeps its former name
 * on the documents it issued). Reviewed against the city's reform history: the 2019 institutional
 * reform made 经信委 the 经济和信息化局, merged the 城乡房产管理局 into the 住房和城乡建设局 and the
 * 农业委员会 into the 农业农村局; the 卫生局 became the 卫生健康委员会 (via 卫计委) in 2019.
 */
const issuers: Record<string, { unit: string; sources: string[] }> = {
  成府发: { unit: "SZF", sources: ["成都市人民政府"] },
  成府函: { unit: "SZF", sources: ["成都市人民政府"] },
  成府办发: { unit: "SZF", sources: ["成都市人民政府办公厅"] },
  成都市人民政府令: { unit: "SZF", sources: ["成都市人民政府"] },
  成经信发: { unit: "JXW", sources: ["成都市经济和信息化委员会", "成都市经济和信息化局"] },
  成信办发: { unit: "JXW", sources: ["成都市信息化工作办公室"] },
  成人社发: { unit: "RSJ", sources: ["成都市人力资源和社会保障局"] },
  成民发: { unit: "MZJ", sources: ["成都市民政局"] },
  成公发: { unit: "GAJ", sources: ["成都市公安局"] },
  成公报: { unit: "GAJ", sources: ["成都市公安局"] },
  成卫健发: { unit: "WJW", sources: ["成都市卫生健康委员会"] },
  成卫发: { unit: "WJW", sources: ["成都市卫生局"] },
  成教发: { unit: "JYJ", sources: ["成都市教育局"] },
  成住建发: { unit: "ZJJ", sources: ["成都市住房和城乡建设局"] },
  成房发: { unit: "ZJJ", sources: ["成都市城乡房产管理局"] },
  成市监发: { unit: "SCJGJ", sources: ["成都市市场监督管理局"] },
  成农发: { unit: "NYNCJ", sources: ["成都市农业农村局", "成都市农业委员会"] },
  成农函: { unit: "NYNCJ", sources: ["成都市农业农村局"] },
  成医保发: { unit: "YBJ", sources: ["成都市医疗保障局"] },
  成医保报: { unit: "YBJ", sources: ["成都市医疗保障局"] },
};

/** The 发文代字 and year of a 文号: 成府发〔2006〕58号 → 成府发, 2006; 成都市人民政府令第215号 → 成都市人民政府令. */
function prefixOf(docNumber: string): { prefix: string; year: number | null } {
  const bracketed = /^(.+)〔(\d{4})〕\d+号$/.exec(docNumber);
  if (bracketed) return { prefix: bracketed[1], year: Number(bracketed[2]) };
  const order = /^(.+令)第\d+号$/.exec(docNumber);
  if (order) return { prefix: order[1], year: null };
  throw new Error(`not a 文号: ${docNumber}`);
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
});
afterAll(() => database.close());

describe("the seed's issuers", () => {
  it("files every document under the body its 文号 names, with that body's name as 来源", async () => {
    const seeded = await database.prisma.disclosureDocument.findMany({
      where: { title: { in: documents.map((d) => d.title) } },
      include: { department: true },
    });
    expect(seeded).toHaveLength(documents.length);
    let numbered = 0;
    for (const d of seeded) {
      const where = `${d.indexNo} ${d.docNumber ?? ""} ${d.title}`;
      if (d.docNumber) {
        numbered++;
        const { prefix, year } = prefixOf(d.docNumber);
        const issuer = issuers[prefix];
        expect(issuer, `${where}: 发文代字 ${prefix} is not in the reviewed list`).toBeDefined();
        expect(d.department.code, where).toBe(issuer.unit);
        expect(issuer.sources, where).toContain(d.source);
        // a 文号's year is the year it was issued: not after the publication
        if (year !== null) expect(year, where).toBeLessThanOrEqual(d.publishedYear!);
      } else {
        // no 文号 (announcements, interpretations): the issuing body's current name
        expect(d.source, where).toBe(d.department.name);
      }
      // the 索引号's year is the publication year, for every seeded document
      expect(d.indexNo, where).toMatch(new RegExp(`^${d.department.code}/${d.publishedYear}-\\d{5}$`));
      expect(d.publishedYear, where).toBe(Number(chinaYear(d.publishedAt!)));
    }
    expect(numbered).toBeGreaterThan(30);
  });

  it("files the seed plan under the city government, its former number kept", async () => {
    const plan = await database.prisma.disclosureDocument.findUniqueOrThrow({
      where: { indexNo: "SZF/2006-00001" },
      include: { department: true, aliases: { select: { indexNo: true } } },
    });
    expect(plan).toMatchObject({
      docNumber: "成府发〔2006〕58号",
      source: "成都市人民政府",
      department: { code: "SZF", name: "成都市人民政府", issuerOnly: true },
      aliases: [{ indexNo: "JXW/2006-00001" }],
    });
    // departments carry their current names: 经信委 is 经济和信息化局 since the 2019 reform
    const jxw = await database.prisma.department.findUniqueOrThrow({ where: { code: "JXW" } });
    expect(jxw.name).toBe("成都市经济和信息化局");
    expect(
      await database.prisma.disclosureDocument.count({
        where: { department: { code: "JXW" }, docNumber: { startsWith: "成府" } },
      }),
    ).toBe(0);
  });

  it("moves a plan an earlier seed filed under JXW/2006-00001 instead of duplicating it", async () => {
    // a database seeded before the issuer was corrected: the plan under JXW, no alias
    const plan = await database.prisma.disclosureDocument.findUniqueOrThrow({
      where: { indexNo: "SZF/2006-00001" },
    });
    const jxw = await database.prisma.department.findUniqueOrThrow({ where: { code: "JXW" } });
    await database.prisma.documentAlias.deleteMany({ where: { documentId: plan.id } });
    await database.prisma.disclosureDocument.update({
      where: { id: plan.id },
      data: { indexNo: "JXW/2006-00001", departmentId: jxw.id },
    });
    await seedDemo(database.prisma);
    const after = await database.prisma.disclosureDocument.findMany({
      where: { docNumber: "成府发〔2006〕58号" },
      include: { department: { select: { code: true } }, aliases: { select: { indexNo: true } } },
    });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: plan.id,
      indexNo: "SZF/2006-00001",
      department: { code: "SZF" },
      aliases: [{ indexNo: "JXW/2006-00001" }],
    });
  });
});

/** The year of an instant in China time. */
function chinaYear(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4);
}
