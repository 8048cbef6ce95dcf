import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { writeAudit } from "../audit/writeAudit";
import { verifyPassword } from "./password";
import type { TPortal, TSessionUser } from "./types";

export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

export type TVerifyResult = { ok: true; user: TSessionUser } | { ok: false; error: "invalid" | "locked" };

/**
 * Checks an e-mail and password for a sign-in door. Five wrong passwords lock the account for
 * fifteen minutes; a citizen at the staff door (or staff at the public door) is simply refused,
 * without saying the account exists. Staff sign-ins and refusals are audited.
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; portal: TPortal; ip?: string | null },
): Promise<TVerifyResult> {
  const user = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  if (!user || user.disabled) return { ok: false, error: "invalid" };
  const staffDoor = input.portal === "staff";
  if ((user.accountType === "STAFF") !== staffDoor) return { ok: false, error: "invalid" };

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, error: "locked" };

  const audit = (action: string, outcome: "ALLOWED" | "DENIED") =>
    staffDoor ? writeAudit(prisma, { actorId: user.id, action, entityType: "User", entityId: user.id, outcome, ip: input.ip }) : Promise.resolve();

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= maxFailedLogins;
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + lockoutMinutes * 60_000) : null },
    });
    await audit(lock ? "auth.lockout" : "auth.signIn", "DENIED");
    return { ok: false, error: lock ? "locked" : "invalid" };
  }

  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  await audit("auth.signIn", "ALLOWED");
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      accountType: user.accountType,
      grants: user.grants.map((grant) => ({ role: grant.role, department: grant.department?.code ?? null })),
    },
  };
}
