import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type TDocumentFilter = {
  q?: string;
  category?: string;
  department?: string;
  year?: number;
  docType?: string;
  page?: number;
};
export const documentsPageSize = 20;

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
export async function listDocuments(filter: TDocumentFilter) {
  const prisma = await db();
  const where = whereFor(filter);
  const total = await prisma.disclosureDocument.count({ where });
  const pages = Math.max(1, Math.ceil(total / documentsPageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const [items] = await Promise.all([
    prisma.disclosureDocument.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { indexNo: "desc" }],
      skip: (page - 1) * documentsPageSize,
      take: documentsPageSize,
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
    }),
  ]);
  return { total, items, page, pages };
}

/**
 * Counts for each facet value, each computed with the other filters applied (so a count says
 * how many results choosing that value would give).
 */
export async function documentFacets(filter: TDocumentFilter, deptRows: { id: string; code: string }[]) {
  const prisma = await db();
  const [categories, departments, years, docTypes] = await Promise.all([
    prisma.disclosureDocument.groupBy({
      by: ["category"],
      where: whereFor(filter, "category"),
      _count: { _all: true },
    }),
    prisma.disclosureDocument.groupBy({
      by: ["departmentId"],
      where: whereFor(filter, "department"),
      _count: { _all: true },
    }),
    prisma.disclosureDocument.groupBy({
      by: ["publishedYear"],
      where: whereFor(filter, "year"),
      _count: { _all: true },
    }),
    prisma.disclosureDocument.groupBy({
      by: ["docType"],
      where: whereFor(filter, "docType"),
      _count: { _all: true },
    }),
  ]);
  const codeOf = new Map(deptRows.map((d) => [d.id, d.code]));
  const toMap = <K>(rows: { _count: { _all: number } }[], key: (row: never) => K) =>
    new Map(rows.map((row) => [key(row as never), row._count._all]));
  return {
    category: toMap(categories, (r: { category: string }) => r.category),
    department: toMap(departments, (r: { departmentId: string }) => codeOf.get(r.departmentId) ?? ""),
    year: toMap(years, (r: { publishedYear: number | null }) => r.publishedYear ?? 0),
    docType: toMap(docTypes, (r: { docType: string }) => r.docType),
  };
}

/** One published document by its 索引号, or null. */
export async function getDocument(indexNo: string) {
  return (await db()).disclosureDocument.findFirst({
    where: { indexNo, status: "PUBLISHED" },
    include: {
      department: true,
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true } },
    },
  });
}

export async function latestDocuments(limit = 6) {
  return (await db()).disclosureDocument.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { indexNo: true, title: true, titleEn: true, publishedAt: true },
  });
}

/** The latest documents of the editor's departments (null scope = all), for the staff list. */
export async function editorDocuments(departments: string[] | null, take = 100) {
  return (await db()).disclosureDocument.findMany({
    where: departments ? { department: { code: { in: departments } } } : {},
    orderBy: { publishedAt: "desc" },
    take,
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

export async function documentForEdit(indexNo: string) {
  return (await db()).disclosureDocument.findUnique({
    where: { indexNo },
    include: {
      department: true,
      revisions: { orderBy: { version: "desc" }, include: { editor: { select: { name: true } } } },
    },
  });
}
