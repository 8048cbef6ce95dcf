import "server-only";
import { administratorsClient } from "../auth/guards";
import { clientOf, publicReadClientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { NotFoundError } from "../shared/errors";
import { likeText } from "../shared/likeText";
import { ZFormDefinition, type TFormDefinition } from "./form-definition";

type TServiceFilter = {
  audience?: "PERSON" | "LEGAL_PERSON";
  theme?: string;
  department?: string;
  q?: string;
};

/** Published services for the catalogue, hot ones first, then by code. */
export async function listServices(input: TServiceFilter & TDbOption) {
  const where: Prisma.ServiceWhereInput = { published: true };
  if (input.audience) where.audience = input.audience;
  if (input.theme) where.themes = { has: input.theme };
  if (input.department) where.department = { code: input.department };
  if (input.q) {
    where.OR = [
      { name: { contains: likeText(input.q), mode: "insensitive" } },
      { nameEn: { contains: likeText(input.q), mode: "insensitive" } },
      { summary: { contains: likeText(input.q), mode: "insensitive" } },
      { code: { contains: likeText(input.q), mode: "insensitive" } },
    ];
  }
  return (await publicReadClientOf(input)).service.findMany({
    where,
    orderBy: [{ hot: "desc" }, { code: "asc" }],
    include: { department: { select: { code: true, name: true, nameEn: true, shortName: true } } },
  });
}

export async function hotServices(input: { limit?: number } & TDbOption = {}) {
  return (await publicReadClientOf(input)).service.findMany({
    where: { published: true, hot: true },
    orderBy: { code: "asc" },
    take: input.limit ?? 8,
    select: { code: true, name: true, nameEn: true, audience: true },
  });
}

/** One published service with its whole guide (and the list of its downloadable files), or null. */
export async function getService(input: { code: string } & TDbOption) {
  return (await publicReadClientOf(input)).service.findFirst({
    where: { code: input.code, published: true },
    include: {
      department: true,
      guideFiles: {
        select: { kind: true, materialId: true, slug: true, fileName: true, size: true },
        orderBy: { slug: "asc" },
      },
    },
  });
}

/** One downloadable file of a published service's guide, with its bytes, or null. */
export async function getGuideFile(input: { code: string; slug: string } & TDbOption) {
  return (await publicReadClientOf(input)).guideFile.findFirst({
    where: { slug: input.slug, service: { code: input.code, published: true } },
    select: { fileName: true, mimeType: true, size: true, sha256: true, content: true },
  });
}

/** A published service with its parsed application form, or NotFoundError. */
export async function getServiceForm(input: { code: string } & TDbOption): Promise<{
  id: string;
  code: string;
  name: string;
  nameEn: string;
  audience: "PERSON" | "LEGAL_PERSON";
  /** the assurance level an applicant needs (lib/identity/assurance.ts) */
  requiredLevel: "REGISTERED" | "PHONE_VERIFIED" | "REAL_NAME";
  form: TFormDefinition;
}> {
  const service = await (
    await clientOf(input)
  ).service.findFirst({
    where: { code: input.code, published: true },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      audience: true,
      requiredLevel: true,
      form: true,
    },
  });
  if (!service) throw new NotFoundError("service");
  return { ...service, form: ZFormDefinition.parse(service.form) };
}

/** Every service (published or not), for administrators only. */
export async function listServicesForAdmin(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "service.list", entityType: "Service" });
  return prisma.service.findMany({
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

/** One service (published or not) as the administrator edits it, or null. */
export async function getServiceForEdit(input: { actor: TSessionUser; code: string } & TDbOption) {
  const prisma = await administratorsClient(input, {
    action: "service.read",
    entityType: "Service",
    entityId: input.code,
  });
  return prisma.service.findUnique({ where: { code: input.code } });
}
