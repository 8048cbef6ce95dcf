import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { NotFoundError } from "../shared/errors";

/** The user's latest notifications (own only). */
export async function latestNotifications(actor: TSessionUser, take = 10) {
  return (await db()).notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export async function markAllRead(actor: TSessionUser): Promise<void> {
  await (
    await db()
  ).notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

/** The outbox of sent mail, for administrators only. */
export async function outbox(actor: TSessionUser, take = 100) {
  if (!isAdministrator(actor)) throw new NotFoundError("outbox");
  return (await db()).outboxMail.findMany({ orderBy: { createdAt: "desc" }, take });
}
