import "server-only";
import { administratorsClient } from "../auth/guards";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { retryOutboxMessage, type TRetryInput } from "../outbox/retryOutbox";

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
export async function retryMail(input: TRetryInput): Promise<void> {
  await retryOutboxMessage(input, {
    channel: "mail",
    entityType: "OutboxMail",
    failed: (prisma) => prisma.outboxMail.findUnique({ where: { id: input.id }, select: { failedAt: true } }),
    waiting: (tx) => tx.outboxMail.update({ where: { id: input.id }, data: { failedAt: null } }),
  });
}
