import "server-only";
import { administratorsClient } from "../auth/guards";
import { deniedAsNotFound } from "../audit/refusals";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { restartJob } from "../jobs/queue";

/** The user's latest notifications (own only). */
export async function latestNotifications(input: { actor: TSessionUser; take?: number } & TDbOption) {
  return (await clientOf(input)).notification.findMany({
    where: { userId: input.actor.id },
    orderBy: { createdAt: "desc" },
    take: input.take ?? 10,
  });
}

export async function markAllRead(input: { actor: TSessionUser } & TDbOption): Promise<void> {
  await (
    await clientOf(input)
  ).notification.updateMany({
    where: { userId: input.actor.id, readAt: null },
    data: { readAt: new Date() },
  });
}

/** The outbox of sent mail, for administrators only. */
export async function listOutbox(input: { actor: TSessionUser; take?: number } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "outbox.read", entityType: "OutboxMail" });
  return prisma.outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take: input.take ?? 100,
  });
}

/**
 * Sends a failed mail again (administrators): its job runs once more from the first attempt, and
 * the outbox shows it as waiting until the SMTP server answers. Audited.
 */
export async function retryMail(input: { actor: TSessionUser; id: string } & TDbOption): Promise<void> {
  const prisma = await clientOf(input);
  const entry = {
    actorId: input.actor.id,
    action: "mail.retry",
    entityType: "OutboxMail",
    entityId: input.id,
  };
  const mail = isAdministrator(input.actor)
    ? await prisma.outboxMail.findUnique({ where: { id: input.id }, select: { failedAt: true } })
    : null;
  const job = mail?.failedAt
    ? await prisma.job.findFirst({
        where: { kind: "mail.send", payload: { path: ["outboxId"], equals: input.id } },
      })
    : null;
  if (!job) throw await deniedAsNotFound(prisma, entry);
  await prisma.$transaction(async (tx) => {
    await tx.outboxMail.update({ where: { id: input.id }, data: { failedAt: null } });
    await restartJob(tx, job.id);
    await writeAudit(tx, entry);
  });
}
