import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { recordRefusal } from "../audit/refusals";
import { FormError } from "../shared/errors";
import { countAttempt, refundAttempt } from "../throttle/throttle";
import { hashPassword, verifyPassword } from "./password";
import { otherLiveSessions } from "./sessions";
import type { TSessionUser } from "./types";
import { currentSessionSecret } from "./session";
import { clientAddress } from "../http/clientAddress";

/**
 * Changes the actor's own password (citizen or staff): the current one must be right — guessed
 * no faster than at the sign-in form, on the same per account-and-address limit — and the new one
 * follows the registration policy (ZChangePassword). Every other session of the person ends at
 * once, so whoever knew the old password is signed out; this one stays; and a pending change of
 * e-mail address (asked for with the old password) lapses. Audited, never the
 * passwords. Returns how many sessions were ended.
 */
export async function changePassword(
  input: {
    actor: TSessionUser;
    currentPassword: string;
    newPassword: string;
    currentSid: string | null;
    ip?: string | null;
  } & TDbOption,
): Promise<number> {
  const prisma = await clientOf(input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { email: true, passwordHash: true },
  });
  const key = `${user.email} ${input.ip ?? "unknown"}`;
  await countAttempt({ limit: "signInAccountAddress", key, db: prisma });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordRefusal(prisma, {
      actorId: input.actor.id,
      action: "auth.changePassword",
      entityType: "User",
      entityId: input.actor.id,
      ip: input.ip,
    });
    throw new FormError("currentPasswordWrong", "currentPassword");
  }
  await refundAttempt({ limit: "signInAccountAddress", key, db: prisma });
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.actor.id }, data: { passwordHash } });
    // a change of address asked for with the old password (by whoever knew it) lapses with it
    await tx.emailChange.deleteMany({ where: { userId: input.actor.id, usedAt: null } });
    const { count: ended } = await tx.userSession.updateMany({
      where: otherLiveSessions({ userId: input.actor.id, currentSid: input.currentSid }),
      data: { endedAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "auth.passwordChanged",
      entityType: "User",
      entityId: input.actor.id,
      ip: input.ip,
      detail: { endedSessions: ended },
    });
    return ended;
  });
}

/**
 * `changePassword` from the change-password form of the request being served: the session that
 * posted it stays, and the request's address is what is limited and audited.
 */
export async function changePasswordFromForm(input: {
  actor: TSessionUser;
  form: { currentPassword: string; password: string };
}): Promise<number> {
  return changePassword({
    actor: input.actor,
    currentPassword: input.form.currentPassword,
    newPassword: input.form.password,
    currentSid: await currentSessionSecret(),
    ip: await clientAddress(),
  });
}
