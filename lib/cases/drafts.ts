import "server-only";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import type { TAnswers } from "../services/answers";

/** The signed-in citizen's saved answers for a service, or empty. */
export async function getDraft(
  prisma: PrismaClient,
  actor: TSessionUser,
  serviceId: string,
): Promise<{ answers: TAnswers; step: string | null }> {
  const draft = await prisma.applicationDraft.findUnique({
    where: { userId_serviceId: { userId: actor.id, serviceId } },
  });
  return { answers: (draft?.answers as TAnswers | undefined) ?? {}, step: draft?.step ?? null };
}

export async function saveDraft(
  prisma: PrismaClient,
  actor: TSessionUser,
  serviceId: string,
  answers: TAnswers,
  step: string,
): Promise<void> {
  await prisma.applicationDraft.upsert({
    where: { userId_serviceId: { userId: actor.id, serviceId } },
    create: { userId: actor.id, serviceId, answers, step },
    update: { answers, step },
  });
}

export async function deleteDraft(
  prisma: PrismaClient,
  actor: TSessionUser,
  serviceId: string,
): Promise<void> {
  await prisma.applicationDraft.deleteMany({ where: { userId: actor.id, serviceId } });
}

/** The citizen's saved applications, newest first. */
export async function listDrafts(prisma: PrismaClient, actor: TSessionUser) {
  return prisma.applicationDraft.findMany({
    where: { userId: actor.id },
    orderBy: { updatedAt: "desc" },
    select: { step: true, updatedAt: true, service: { select: { code: true, name: true, nameEn: true } } },
  });
}

/** Names of uploads the citizen owns, for showing what a draft already holds. */
export async function uploadNames(
  prisma: PrismaClient,
  actor: TSessionUser,
  ids: string[],
): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows = await prisma.attachment.findMany({
    where: { id: { in: ids }, uploaderId: actor.id },
    select: { id: true, fileName: true },
  });
  return Object.fromEntries(rows.map((row) => [row.id, row.fileName]));
}
