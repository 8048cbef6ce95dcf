import "server-only";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { getOwnCase } from "../cases/ownCases";

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export const ownCasesPageSize = 50;

/** The API's list of the actor's own cases, newest first, a page at a time (ownership in the where clause). */
export async function listOwnCasesJson(prisma: PrismaClient, input: { actor: TSessionUser; page?: number }) {
  const where = { applicantId: input.actor.id };
  const total = await prisma.application.count({ where });
  const pages = Math.max(1, Math.ceil(total / ownCasesPageSize));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const cases = await prisma.application.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { trackingNumber: "desc" }],
    skip: (page - 1) * ownCasesPageSize,
    take: ownCasesPageSize,
    select: {
      trackingNumber: true,
      accessCode: true,
      status: true,
      submittedAt: true,
      promisedDue: true,
      service: { select: { code: true } },
    },
  });
  const items = cases.map((c) => ({
    trackingNumber: c.trackingNumber,
    accessCode: c.accessCode,
    status: c.status,
    serviceCode: c.service.code,
    submittedAt: c.submittedAt.toISOString(),
    promisedDue: day(c.promisedDue),
  }));
  return { items, page, pages, total };
}

/** One of the actor's own cases with its public timeline (never internal notes), or null. */
export async function ownCaseJson(
  prisma: PrismaClient,
  input: { actor: TSessionUser; trackingNumber: string },
) {
  const found = await getOwnCase(prisma, input.actor, input.trackingNumber);
  if (!found) return null;
  return {
    trackingNumber: found.trackingNumber,
    accessCode: found.accessCode,
    status: found.status,
    service: { code: found.service.code, name: found.service.name, nameEn: found.service.nameEn },
    submittedAt: found.submittedAt.toISOString(),
    promisedDue: day(found.promisedDue),
    events: found.events.map((event) => {
      const missing = (event.data as { missing?: unknown } | null)?.missing;
      return {
        kind: event.kind,
        status: event.toStatus,
        reason: event.reason,
        at: event.createdAt.toISOString(),
        ...(Array.isArray(missing)
          ? { missing: missing.filter((item): item is string => typeof item === "string") }
          : {}),
      };
    }),
  };
}
