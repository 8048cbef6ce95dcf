import type { PrismaClient } from "../../lib/db/generated/client";
import { hashPassword } from "../../lib/auth/password";
import { defaultSiteSettings } from "../../lib/settings/site";
import { sealSecret } from "../../lib/auth/secretBox";
import { demoAccounts, demoPassword, demoTotpSecret } from "./demo-accounts";
import { departments } from "./data/departments";
import { services } from "./data/services";
import { documents } from "./data/documents";
import { places } from "./data/places";
import { notices } from "./data/notices";
import { seedPlanMarkdown } from "./seed-plan";
import { seedRequests } from "./requests";
import { seedLetters } from "./letters";
import { seedConsultations } from "./consultations";
import { seedGuideFiles } from "./guideFiles";
import { searchSynonyms } from "./data/synonyms";
import { rebuildSearchIndex } from "../../lib/search/index";

const day = 24 * 3600 * 1000;
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes the demo data. Idempotent: keyed by stable codes, it updates content in place and
 * never duplicates; notice dates are fixed when first seeded so re-seeding does not move them.
 */
export async function seedDemo(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  const deptIds = new Map<string, string>();
  for (const [index, dept] of departments.entries()) {
    const row = await prisma.department.upsert({
      where: { code: dept.code },
      create: { ...dept, sortOrder: index },
      update: { ...dept, sortOrder: index },
    });
    deptIds.set(dept.code, row.id);
  }
  const deptId = (code: string) => {
    const id = deptIds.get(code);
    if (!id) throw new Error(`unknown department ${code}`);
    return id;
  };
  log(`departments: ${departments.length}`);

  // Accounts are created once: re-seeding never resets a changed password or a revoked role.
  // Demo staff are enrolled in two-factor sign-in with the published demo secret, so the demo
  // works at once; their recovery codes are left to them to make.
  for (const account of demoAccounts) {
    const staff = account.accountType === "STAFF";
    if (await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        accountType: account.accountType,
        phone: account.phone ?? null,
        idNumber: account.idNumber ?? null,
        ...(account.verified && {
          verifiedName: account.verified.name,
          verifiedIdNumber: account.verified.idNumber,
          agentName: account.verified.agentName,
          agentIdNumber: account.verified.agentIdNumber,
          identityAssurance: "L2",
          realNameVerifiedAt: new Date(),
        }),
        // pre-registered for the government sign-on, when one is configured (npm run dev, tests)
        ...(account.staffSignOn &&
          process.env.STAFF_OIDC_ISSUER && {
            identities: {
              create: { issuer: process.env.STAFF_OIDC_ISSUER, email: account.email, portal: "staff" },
            },
          }),
        passwordHash: await hashPassword(demoPassword),
        totpSecret: staff ? sealSecret(demoTotpSecret) : null,
        totpEnabledAt: staff ? new Date() : null,
        grants: {
          create: account.grants.map((grant) => ({
            role: grant.role,
            departmentId: grant.department ? deptId(grant.department) : null,
          })),
        },
      },
    });
  }
  log(`accounts: ${demoAccounts.length}`);

  const communityIds = new Map<string, string>();
  for (const district of places.districts) {
    const d = await prisma.district.upsert({
      where: { code: district.code },
      create: { code: district.code, name: district.name, nameEn: district.nameEn },
      update: { name: district.name, nameEn: district.nameEn },
    });
    for (const street of district.streets) {
      const streetData = { name: street.name, nameEn: street.nameEn, rural: street.rural, districtId: d.id };
      const s = await prisma.street.upsert({
        where: { code: street.code },
        create: { code: street.code, ...streetData },
        update: streetData,
      });
      for (const community of street.communities) {
        const data = {
          name: community.name,
          nameEn: community.nameEn,
          village: community.village,
          streetId: s.id,
        };
        const c = await prisma.community.upsert({
          where: { code: community.code },
          create: { code: community.code, ...data },
          update: data,
        });
        communityIds.set(community.code, c.id);
      }
    }
  }
  log(`communities: ${communityIds.size}`);

  for (const service of services) {
    const { department, ...rest } = service;
    const data = {
      ...rest,
      hot: rest.hot ?? false,
      // most 行政许可 need a real-name applicant
      requiredLevel: rest.type === "LICENSING" ? ("REAL_NAME" as const) : ("REGISTERED" as const),
      departmentId: deptId(department),
      specialSteps: rest.specialSteps ?? null,
      statutoryDayCount: rest.statutoryDayCount ?? "WORKING",
      statutorySource: rest.statutorySource ?? null,
    };
    await prisma.service.upsert({ where: { code: service.code }, create: data, update: data });
  }
  log(`services: ${services.length}`);
  log(`guide files: ${await seedGuideFiles(prisma, services)}`);

  const plan = seedPlanMarkdown();
  const serials = new Map<string, number>();
  const reserved = new Map<string, number>();
  for (const doc of documents) {
    // the 索引号's year is the year of publication, as publishedYear is
    const year = Number(doc.publishedOn.slice(0, 4));
    const key = `${doc.department}/${year}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const indexNo = `${doc.department}/${year}-${String(serial).padStart(5, "0")}`;
    const data = {
      title: doc.title,
      titleEn: doc.titleEn ?? null,
      category: doc.category,
      docType: doc.docType,
      departmentId: deptId(doc.department),
      docNumber: doc.docNumber ?? null,
      keywords: doc.keywords,
      writtenOn: dateOnly(doc.writtenOn),
      madeOn: dateOnly(doc.writtenOn),
      publishedAt: new Date(`${doc.publishedOn}T09:00:00+08:00`),
      publishedYear: Number(doc.publishedOn.slice(0, 4)),
      validity: doc.validity,
      validityFrom: doc.validityFrom ? dateOnly(doc.validityFrom) : null,
      source: doc.source,
      summary: doc.summary,
      body: doc.body === "@seed-plan" ? plan.body : doc.body,
      status: "PUBLISHED" as const,
    };
    // a document refiled under another unit (the plan: JXW → SZF) is moved, not duplicated, where
    // an earlier seed filed it under its former number; the former number stays an alias
    const former = doc.formerIndexNos ?? [];
    if (
      former.length &&
      !(await prisma.disclosureDocument.findUnique({ where: { indexNo }, select: { id: true } }))
    ) {
      const earlier = await prisma.disclosureDocument.findFirst({
        where: { indexNo: { in: former } },
        select: { id: true },
      });
      if (earlier) await prisma.disclosureDocument.update({ where: { id: earlier.id }, data: { indexNo } });
    }
    const saved = await prisma.disclosureDocument.upsert({
      where: { indexNo },
      create: { indexNo, ...data },
      update: data,
    });
    for (const alias of former) {
      await prisma.documentAlias.upsert({
        where: { indexNo: alias },
        create: { indexNo: alias, documentId: saved.id },
        update: { documentId: saved.id },
      });
      // the former number's serial stays taken: no new document is ever given it
      const [, unit, aliasYear, aliasSerial] = /^(.+)\/(\d{4})-(\d{5})$/.exec(alias) ?? [];
      const key = `${unit}/${aliasYear}`;
      reserved.set(key, Math.max(reserved.get(key) ?? 0, Number(aliasSerial)));
    }
  }
  // 政策解读 ↔ 原文: each interpretation points at its original, found by title
  for (const doc of documents.filter((d) => d.interprets)) {
    const original = await prisma.disclosureDocument.findFirstOrThrow({ where: { title: doc.interprets } });
    await prisma.disclosureDocument.updateMany({
      where: { title: doc.title },
      data: { interpretsId: original.id },
    });
  }
  for (const [key, value] of reserved) serials.set(key, Math.max(serials.get(key) ?? 0, value));
  for (const [key, value] of serials) {
    const [departmentCode, year] = key.split("/");
    await prisma.$executeRaw`INSERT INTO "IndexSerial" ("departmentCode", "year", "value") VALUES (${departmentCode}, ${Number(year)}, ${value})
      ON CONFLICT ("departmentCode", "year") DO UPDATE SET "value" = GREATEST("IndexSerial"."value", EXCLUDED."value")`;
  }
  log(`documents: ${documents.length}`);

  const editor = await prisma.user.findUnique({ where: { email: "editor@example.cn" } });
  const approver = await prisma.user.findUnique({ where: { email: "editor2@example.cn" } });
  const now = Date.now();
  for (const notice of notices) {
    const publishedAt = new Date(now - notice.publishedDaysAgo * day);
    const content = {
      title: notice.title,
      titleEn: notice.titleEn ?? null,
      body: notice.body,
      category: notice.category,
      pinned: notice.pinned ?? false,
      emergency: notice.emergency ?? false,
      urgent: notice.urgent ?? false,
      source: notice.source,
      departmentId: notice.department ? deptId(notice.department) : null,
    };
    const exists = await prisma.notice.findUnique({ where: { id: notice.key }, select: { id: true } });
    if (exists) {
      await prisma.notice.update({ where: { id: notice.key }, data: content });
      continue;
    }
    await prisma.notice.create({
      data: {
        id: notice.key,
        ...content,
        status: "PUBLISHED",
        authorId: editor?.id,
        approverId: approver?.id,
        publishAt: publishedAt,
        publishedAt,
        expiresAt: notice.expiresInDays === undefined ? null : new Date(now + notice.expiresInDays * day),
        targets: {
          create: notice.communities.map((code) => ({
            communityId: communityIds.get(code) ?? missing(code),
          })),
        },
        revisions: { create: { version: 1, title: notice.title, body: notice.body, editorId: editor?.id } },
      },
    });
  }
  log(`notices: ${notices.length}`);

  log(`disclosure requests: ${await seedRequests(prisma, deptId)}`);
  log(`letters: ${await seedLetters(prisma, deptId)}`);
  log(`consultations: ${await seedConsultations(prisma, deptId)}`);

  await prisma.siteSetting.upsert({
    where: { key: "site" },
    create: { key: "site", value: defaultSiteSettings },
    update: {},
  });

  // synonyms once: administrators edit them afterwards, and re-seeding keeps their changes
  if ((await prisma.searchSynonym.count()) === 0)
    await prisma.searchSynonym.createMany({ data: searchSynonyms.map((terms) => ({ terms })) });
  log(`search index: ${await rebuildSearchIndex({ db: prisma })} entries`);
}

function missing(code: string): never {
  throw new Error(`unknown community ${code}`);
}
