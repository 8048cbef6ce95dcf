import "server-only";
import { deniedAsNotFound } from "../audit/refusals";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";

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
  const prisma = await clientOf(input);
  if (!isAdministrator(input.actor))
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "outbox.read",
      entityType: "OutboxMail",
    });
  return prisma.outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take: input.take ?? 100,
  });
}
