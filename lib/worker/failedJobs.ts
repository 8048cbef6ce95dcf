import "server-only";
import { administratorsClient } from "../auth/guards";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { restartJob } from "../jobs/queue";
import { isAdministrator } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { clientOf, type TDbOption } from "../db/client";

/**
 * Jobs that used up their attempts (dead letters), newest first, for administrators only: what
 * was to be done, how often it was tried and the last error.
 */
export async function listFailedJobs(input: { actor: TSessionUser; take?: number } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "job.read", entityType: "Job" });
  return prisma.job.findMany({
    where: { failedAt: { not: null } },
    orderBy: { failedAt: "desc" },
    take: input.take ?? 50,
    select: { id: true, kind: true, attempts: true, failedAt: true, lastError: true, createdAt: true },
  });
}

/** Runs a dead letter again from its first attempt (administrators). Audited. */
export async function retryFailedJob(input: { actor: TSessionUser; id: string } & TDbOption): Promise<void> {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "job.retry", entityType: "Job", entityId: input.id };
  const failed = isAdministrator(input.actor)
    ? await prisma.job.findFirst({ where: { id: input.id, failedAt: { not: null } }, select: { id: true } })
    : null;
  if (!failed) throw await deniedAsNotFound(prisma, entry);
  await prisma.$transaction(async (tx) => {
    await restartJob(tx, failed.id);
    await writeAudit(tx, entry);
  });
}
