import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type TServiceFilter = {
  audience?: "PERSON" | "LEGAL_PERSON";
  theme?: string;
  department?: string;
  q?: string;
};

/** Published services for the catalogue, hot ones first, then by code. */
export async function listServices(filter: TServiceFilter) {
  const where: Prisma.ServiceWhereInput = { published: true };
  if (filter.audience) where.audience = filter.audience;
  if (filter.theme) where.themes = { has: filter.theme };
  if (filter.department) where.department = { code: filter.department };
  if (filter.q) {
    where.OR = [
      { name: { contains: filter.q, mode: "insensitive" } },
      { nameEn: { contains: filter.q, mode: "insensitive" } },
      { summary: { contains: filter.q, mode: "insensitive" } },
      { code: { contains: filter.q, mode: "insensitive" } },
    ];
  }
  return (await db()).service.findMany({
    where,
    orderBy: [{ hot: "desc" }, { code: "asc" }],
    include: { department: { select: { code: true, name: true, nameEn: true, shortName: true } } },
  });
}

export async function hotServices(limit = 8) {
  return (await db()).service.findMany({
    where: { published: true, hot: true },
    orderBy: { code: "asc" },
    take: limit,
    select: { code: true, name: true, nameEn: true, audience: true },
  });
}

/** One service with its whole guide, or null. */
export async function getService(code: string) {
  return (await db()).service.findFirst({ where: { code, published: true }, include: { department: true } });
}

/** Every service (published or not) for the administrator's list. */
export async function allServicesForAdmin() {
  return (await db()).service.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      published: true,
      version: true,
      department: { select: { shortName: true } },
    },
  });
}

export async function serviceForEdit(code: string) {
  return (await db()).service.findUnique({ where: { code } });
}
