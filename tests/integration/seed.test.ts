import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { seedDemo } from "@/prisma/seed/seed";
import { ZFormDefinition } from "@/lib/services/form-definition";
import { ZGuideLists } from "@/lib/services/guide";
import { personThemes, legalPersonThemes } from "@/lib/services/themes";
import { verifyPassword } from "@/lib/auth/password";
import { lawReview } from "@/prisma/seed/data/laws";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
});
afterAll(() => database.close());

async function counts() {
  const p = database.prisma;
  return {
    departments: await p.department.count(),
    users: await p.user.count(),
    grants: await p.roleGrant.count(),
    services: await p.service.count(),
    documents: await p.disclosureDocument.count(),
    districts: await p.district.count(),
    streets: await p.street.count(),
    communities: await p.community.count(),
    notices: await p.notice.count(),
    requests: await p.disclosureRequest.count(),
    targets: await p.noticeTarget.count(),
  };
}

describe("demo data", () => {
  it("has disclosure requests covering every outcome, and the 2025 and 2026 reports balance", async () => {
    const { requestTable } = await import("@/lib/disclosure/annualReport");
    const report = await requestTable({ db: database.prisma, year: 2025 });
    expect(report.balanced).toBe(true);
    for (const row of report.results)
      expect(row.columns.TOTAL, `${row.category}/${row.sub}`).toBeGreaterThanOrEqual(1);
    expect(report.carriedOut.TOTAL).toBe(1);
    const next = await requestTable({ db: database.prisma, year: 2026 });
    expect(next).toMatchObject({ balanced: true, carriedIn: { TOTAL: 1 } });
  });

  it("meets the foundation minimums", async () => {
    const c = await counts();
    expect(c.departments).toBeGreaterThanOrEqual(8);
    expect(c.services).toBeGreaterThanOrEqual(20);
    expect(c.documents).toBeGreaterThanOrEqual(30);
    expect([c.districts, c.streets, c.communities]).toEqual([3, 6, 12]);
    expect(c.notices).toBeGreaterThanOrEqual(20);
  });

  it("is idempotent: seeding again changes no counts", async () => {
    const before = await counts();
    await seedDemo(database.prisma);
    expect(await counts()).toEqual(before);
  });

  it("has every demo account of CONTRACT.md with its role and scope", async () => {
    const users = await database.prisma.user.findMany({
      include: { grants: { include: { department: true } } },
    });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const expectGrant = (email: string, role: string, dept: string | null) => {
      const user = byEmail.get(email);
      expect(user, email).toBeDefined();
      expect(user!.grants.map((g) => [g.role, g.department?.shortName ?? null])).toEqual([[role, dept]]);
    };
    expect(byEmail.get("citizen@example.cn")?.accountType).toBe("PERSON");
    expect(byEmail.get("citizen2@example.cn")?.accountType).toBe("PERSON");
    expect(byEmail.get("org@example.cn")?.accountType).toBe("ORGANISATION");
    expectGrant("caseworker@example.cn", "CASEWORKER", "人社局");
    expectGrant("caseworker2@example.cn", "CASEWORKER", "民政局");
    expectGrant("officer@example.cn", "DISCLOSURE_OFFICER", "人社局");
    expectGrant("editor@example.cn", "EDITOR", null);
    expectGrant("editor2@example.cn", "EDITOR", null);
    expectGrant("supervisor@example.cn", "SUPERVISOR", "人社局");
    expectGrant("admin@example.cn", "ADMIN", null);
    const admin = byEmail.get("admin@example.cn")!;
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, "Demo-pass-2026")).toBe(true);
  });

  it("gives every service a complete guide and a valid form", async () => {
    const services = await database.prisma.service.findMany();
    expect(new Set(services.map((s) => s.audience))).toEqual(new Set(["PERSON", "LEGAL_PERSON"]));
    expect(new Set(services.flatMap((s) => s.themes)).size).toBeGreaterThanOrEqual(6);
    for (const s of services) {
      const lists = ZGuideLists.parse(s);
      const form = ZFormDefinition.parse(s.form);
      for (const text of [s.name, s.nameEn, s.summary, s.fee, s.location, s.hours, s.resultName, s.delivery])
        expect(text.trim(), s.code).not.toBe("");
      expect(s.consultPhone, s.code).toMatch(/^\d{3,4}-\d{7,8}$/);
      expect(s.complaintPhone, s.code).toMatch(/^\d{3,4}-\d{7,8}$/);
      if (s.statutoryDays !== null) expect(s.promisedDays, s.code).toBeLessThanOrEqual(s.statutoryDays);
      const allowed: readonly string[] = s.audience === "PERSON" ? personThemes : legalPersonThemes;
      for (const theme of s.themes) expect(allowed, `${s.code} ${theme}`).toContain(theme);
      const materialIds = new Set(lists.materials.map((m) => m.id));
      for (const field of form.steps.flatMap((step) => step.fields))
        if (field.type === "file") expect(materialIds, `${s.code} ${field.name}`).toContain(field.materialId);
    }
  });

  it("cites only laws reviewed as in force, counts each statutory period as its law does, and keeps 全程网办 materials electronic", async () => {
    const services = await database.prisma.service.findMany({ orderBy: { code: "asc" } });
    const reviewed = new Map(lawReview.map((entry) => [entry.law, entry]));
    const today = new Date().toISOString().slice(0, 10);
    for (const s of services) {
      const { legalBasis, materials } = ZGuideLists.parse(s);
      for (const basis of legalBasis) {
        const entry = reviewed.get(basis.law);
        expect(entry, `${s.code} cites ${basis.law}, which laws.ts has not reviewed`).toBeDefined();
        expect(entry!.status).toBe("in force");
        expect(entry!.checkedOn <= today, `${basis.law} checked in the future`).toBe(true);
      }
      // a source names a law the guide itself cites
      if (s.statutorySource) {
        const cited = legalBasis.map((b) => b.law.replace(/（.*$/, ""));
        expect(
          cited.some((law) => s.statutorySource!.startsWith(law.replace(/》.*/, "》"))),
          `${s.code}: ${s.statutorySource} is not among its legal bases`,
        ).toBe(true);
      }
      // 全程网办: nothing is handed in on paper, so no 原件/复印件; an electronic material has no 份数
      for (const m of materials) {
        if (s.visits === 0) expect(m.form, `${s.code} ${m.id}`).toBe("electronic");
        if (m.form === "electronic") expect(m.copies, `${s.code} ${m.id}`).toBe(0);
      }
    }
    const byCode = new Map(services.map((s) => [s.code, s]));
    // 社会保险法 Art. 57: 十五日, calendar days; 居住证暂行条例 Art. 10: 15日
    expect(byCode.get("RS-DWSB-001")).toMatchObject({
      statutoryDays: 15,
      statutoryDayCount: "CALENDAR",
      statutorySource: "《中华人民共和国社会保险法》第五十七条",
    });
    expect(byCode.get("GA-JZZ-001")).toMatchObject({ statutoryDays: 15, statutoryDayCount: "CALENDAR" });
    // no law sets a period for 就业登记: the guide says so and only the promise counts
    expect(byCode.get("RS-JYDJ-001")).toMatchObject({ statutoryDays: null, promisedDays: 3 });
    // the revised 婚姻登记条例 (国务院令第804号): identity card and a signed declaration, no 户口簿
    const marriage = ZGuideLists.parse(byCode.get("MZ-JHDJ-001"));
    expect(marriage.legalBasis.map((b) => b.law).join()).toContain("国务院令第804号");
    expect(JSON.stringify(marriage.materials)).not.toContain("户口簿");
    // the 1997 殡葬管理条例 (国务院令第225号) was replaced by the 2026 revision
    expect(JSON.stringify(services.map((s) => s.legalBasis))).not.toContain("国务院令第225号");
  });

  it("has the demo service RS-JYDJ-001 exactly as CONTRACT.md describes", async () => {
    const service = await database.prisma.service.findUniqueOrThrow({
      where: { code: "RS-JYDJ-001" },
      include: { department: true },
    });
    expect(service.name).toBe("就业登记");
    expect(service.department.shortName).toBe("人社局");
    expect(service.audience).toBe("PERSON");
    expect(service.visits).toBe(0);
    const fields = ZFormDefinition.parse(service.form).steps.flatMap((s) => s.fields);
    const byLabel = new Map(fields.map((f) => [f.label.en, f]));
    expect(byLabel.get("Full name")?.type).toBe("text");
    expect(byLabel.get("ID card number")?.type).toBe("idCard");
    expect(byLabel.get("Mobile phone")?.type).toBe("mobile");
    expect(byLabel.get("Employer")?.type).toBe("text");
    const upload = byLabel.get("Copy of ID card");
    expect(upload?.type).toBe("file");
    expect(new Set(upload?.accept)).toEqual(new Set(["application/pdf", "image/jpeg", "image/png"]));
    expect(upload?.maxSizeMb).toBe(10);
  });

  it("publishes the city plan as a 规划计划 document with its full text", async () => {
    const plan = await database.prisma.disclosureDocument.findFirstOrThrow({
      where: { category: "planning.plans", docNumber: "成府发〔2006〕58号" },
      include: { department: true, aliases: true },
    });
    // issued by the city government (成府发), filed under it; its former number is kept as an alias
    expect(plan.indexNo).toBe("SZF/2006-00001");
    expect(plan.department.name).toBe("成都市人民政府");
    expect(plan.source).toBe("成都市人民政府");
    expect(plan.aliases.map((a) => a.indexNo)).toEqual(["JXW/2006-00001"]);
    expect(plan.body.length).toBeGreaterThan(12000);
    expect(plan.body).toContain("门户网站");
    expect(plan.body).toContain("## 一、发展条件");
    expect(plan.docNumber).toMatch(/〔2006〕\d+号$/);
  });

  it("gives every document full metadata and a machine-made 索引号", async () => {
    const docs = await database.prisma.disclosureDocument.findMany({ include: { department: true } });
    for (const d of docs) {
      // the 索引号's year is the publication year (as the catalogue's year facet is)
      expect(d.indexNo).toMatch(new RegExp(`^${d.department.code}/${d.publishedYear}-\\d{5}$`));
      for (const text of [d.title, d.keywords, d.source, d.summary, d.body])
        expect(text.trim(), d.indexNo).not.toBe("");
      if (d.docNumber) expect(d.docNumber).toMatch(/〔\d{4}〕\d+号$/);
      if (d.validity !== "VALID") expect(d.validityFrom, d.indexNo).not.toBeNull();
    }
    const serials = await database.prisma.indexSerial.findMany();
    expect(serials.find((s) => s.departmentCode === "SZF" && s.year === 2006)?.value).toBe(1);
    // the plan's former number stays taken
    expect(serials.find((s) => s.departmentCode === "JXW" && s.year === 2006)?.value).toBeGreaterThanOrEqual(
      1,
    );
  });
});
