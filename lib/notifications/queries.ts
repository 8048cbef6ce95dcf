import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isStaff } from "../auth/policy";
import { NotFoundError } from "../shared/errors";

/** The user's latest notifications (own only). */
export async function latestNotifications(actor: TSessionUser, take = 10) {
  return (await db()).notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take });
}

export async function markAllRead(actor: TSessionUser): Promise<void> {
  await (await db()).notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

/** The outbox of sent mail, for administrators only. */
export async function outbox(actor: TSessionUser, take = 100) {
  if (!isStaff(actor) || !actor.grants.some((grant) => grant.role === "ADMIN" && grant.department === null)) throw new NotFoundError("outbox");
  return (await db()).outboxMail.findMany({ orderBy: { createdAt: "desc" }, take });
}
