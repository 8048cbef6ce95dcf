import "server-only";
import { inScopeOrRefused } from "../audit/refusals";
import { clientOf, publicReadClientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole } from "../auth/policy";
import { readTablePage } from "../shared/paging";
import { indexNoPattern } from "./indexNumbers";

export type TDocumentFilter = {
  q?: string;
  category?: string;
  department?: string;
  year?: number;
  docType?: string;
  page?: number;
};
const documentsPageSize = 20;

function whereFor(
  filter: TDocumentFilter,
  omit?: keyof TDocumentFilter,
): Prisma.DisclosureDocumentWhereInput {
  const where: Prisma.DisclosureDocumentWhereInput = { status: "PUBLISHED" };
  if (filter.category && omit !== "category") where.category = filter.category;
  if (filter.department && omit !== "department") where.department = { code: filter.department };
  if (filter.year && omit !== "year") where.publishedYear = filter.year;
  if (filter.docType && omit !== "docType") where.docType = filter.docType;
  if (filter.q) {
    where.OR = [
      { title: { contains: filter.q, mode: "insensitive" } },
      { titleEn: { contains: filter.q, mode: "insensitive" } },
      { docNumber: { contains: filter.q } },
      { keywords: { contains: filter.q, mode: "insensitive" } },
      { indexNo: { contains: filter.q, mode: "insensitive" } },
    ];
  }
  return where;
}

/** A page of published documents, newest first, with the total. */
export async function listDocuments(input: TDocumentFilter & TDbOption) {
  const prisma = await publicReadClientOf(input);
  const { total, page, rows } = await readTablePage({
    table: prisma.disclosureDocument,
    query: {
      where: whereFor(input),
      orderBy: [{ publishedAt: "desc" }, { indexNo: "desc" }],
      select: {
        indexNo: true,
        title: true,
        titleEn: true,
        docNumber: true,
        publishedAt: true,
        validity: true,
        category: true,
        department: { select: { code: true, shortName: true, nameEn: true } },
      },
    },
    size: documentsPageSize,
    requested: input.page,
  });
  return { total, items: rows, page: page.page, pages: page.pages };
}

/**
 * Counts for each facet value, each computed with the other filters applied (so a count says
 * how many results choosing that value would give).
 */
export async function documentFacets(input: TDocumentFilter & TDbOption) {
  const prisma = await publicReadClientOf(input);
  const count = { _count: { _all: true } } as const;
  const [departmentRows, categories, departments, years, docTypes] = await Promise.all([
    prisma.department.findMany({ select: { id: true, code: true } }),
    prisma.disclosureDocument.groupBy({ by: ["category"], where: whereFor(input, "category"), ...count }),
    prisma.disclosureDocument.groupBy({
      by: ["departmentId"],
      where: whereFor(input, "department"),
      ...count,
    }),
    prisma.disclosureDocument.groupBy({ by: ["publishedYear"], where: whereFor(input, "year"), ...count }),
    prisma.disclosureDocument.groupBy({ by: ["docType"], where: whereFor(input, "docType"), ...count }),
  ]);
  const codeOf = new Map(departmentRows.map((d) => [d.id, d.code]));
  return {
    category: new Map(categories.map((r) => [r.category, r._count._all])),
    department: new Map(departments.map((r) => [codeOf.get(r.departmentId) ?? "", r._count._all])),
    year: new Map(years.map((r) => [r.publishedYear ?? 0, r._count._all])),
    docType: new Map(docTypes.map((r) => [r.docType, r._count._all])),
  };
}

/** How a linked document (原文 or 解读) is named and linked. */
const linkedDocument = { indexNo: true, title: true, titleEn: true } as const;

/**
 * One published document by its 索引号, or null (also for anything not shaped like one), with the
 * 原文 it interprets and its 政策解读 — each only when published.
 */
export async function getDocument(input: { indexNo: string } & TDbOption) {
  if (!indexNoPattern.test(input.indexNo)) return null;
  const found = await (
    await publicReadClientOf(input)
  ).disclosureDocument.findFirst({
    where: { indexNo: input.indexNo, status: "PUBLISHED" },
    include: {
      department: true,
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true } },
      interprets: { select: { ...linkedDocument, status: true } },
      interpretations: {
        where: { status: "PUBLISHED" },
        orderBy: [{ publishedAt: "asc" }, { indexNo: "asc" }],
        select: linkedDocument,
      },
    },
  });
  if (!found) return null;
  const { interprets, ...doc } = found;
  return {
    ...doc,
    interprets:
      interprets?.status === "PUBLISHED"
        ? { indexNo: interprets.indexNo, title: interprets.title, titleEn: interprets.titleEn }
        : null,
  };
}

/**
 * The current 索引号 of a published document once filed under `indexNo` (a former number kept in
 * DocumentAlias, e.g. the seed plan's JXW/2006-00001), or null: old links redirect to it.
 */
export async function currentIndexNo(input: { indexNo: string } & TDbOption): Promise<string | null> {
  if (!indexNoPattern.test(input.indexNo)) return null;
  const alias = await (
    await publicReadClientOf(input)
  ).documentAlias.findUnique({
    where: { indexNo: input.indexNo },
    select: { document: { select: { indexNo: true, status: true } } },
  });
  return alias?.document.status === "PUBLISHED" ? alias.document.indexNo : null;
}

/** The newest published documents, for the home page. */
export async function latestDocuments(input: { limit?: number } & TDbOption = {}) {
  return (await publicReadClientOf(input)).disclosureDocument.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: input.limit ?? 6,
    select: { indexNo: true, title: true, titleEn: true, publishedAt: true },
  });
}

/** The latest documents of the departments the actor edits for (all for a government-wide editor). */
export async function editorDocuments(input: { actor: TSessionUser; take?: number } & TDbOption) {
  const departments = departmentScope(input.actor, "EDITOR");
  return (await clientOf(input)).disclosureDocument.findMany({
    where: departments ? { department: { code: { in: departments } } } : {},
    orderBy: { publishedAt: "desc" },
    take: input.take ?? 100,
    select: {
      indexNo: true,
      title: true,
      validity: true,
      madeOn: true,
      publishedAt: true,
      department: { select: { shortName: true } },
    },
  });
}

/** A document with its revisions for an editor of its department (null otherwise, the refusal audited → 404). */
export async function documentForEdit(input: { actor: TSessionUser; indexNo: string } & TDbOption) {
  if (!indexNoPattern.test(input.indexNo)) return null;
  const found = await (
    await clientOf(input)
  ).disclosureDocument.findUnique({
    where: { indexNo: input.indexNo },
    include: {
      department: true,
      revisions: { orderBy: { version: "desc" }, include: { editor: { select: { name: true } } } },
      interprets: { select: linkedDocument },
      interpretations: { orderBy: { indexNo: "asc" }, select: linkedDocument },
    },
  });
  return inScopeOrRefused(
    await clientOf(input),
    found,
    (d) => hasRole(input.actor, "EDITOR", d.department.code),
    {
      actorId: input.actor.id,
      action: "document.read",
      entityType: "DisclosureDocument",
      entityId: input.indexNo,
    },
  );
}
