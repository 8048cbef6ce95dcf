import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { hashPassword, verifyPassword } from "./password";
import type { TGrant, TPortal, TSessionUser } from "./types";

export const maxFailedLogins = 5;
const lockoutMinutes = 15;

export type TVerifyResult = { ok: true; user: TSessionUser } | { ok: false; error: "invalid" | "locked" };

// Every refusal costs one argon2 verification, so response time does not reveal which
// e-mail addresses have accounts.
let dummyHash: Promise<string> | null = null;
const burnPasswordCheck = async (password: string) =>
  verifyPassword(await (dummyHash ??= hashPassword("onestop-dummy-password")), password);

/**
 * Checks an e-mail and password for a sign-in door. Five wrong passwords lock the account for
 * fifteen minutes (the count is incremented atomically, so parallel guesses cannot overrun it);
 * a citizen at the staff door, staff at the public door, or staff without any role are refused
 * without saying the account exists. Staff sign-ins and refusals are audited.
 */
export async function verifyCredentials(
  input: { email: string; password: string; portal: TPortal; ip?: string | null } & TDbOption,
): Promise<TVerifyResult> {
  const prisma = await clientOf(input);
  const user = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  const staffDoor = input.portal === "staff";
  const fitsDoor =
    !!user &&
    !user.disabled &&
    (user.accountType === "STAFF") === staffDoor &&
    (!staffDoor || user.grants.length > 0);
  if (!user || !fitsDoor) {
    await burnPasswordCheck(input.password);
    return { ok: false, error: "invalid" };
  }

  const audit = (action: string, outcome: "ALLOWED" | "DENIED") =>
    staffDoor
      ? writeAudit(prisma, {
          actorId: user.id,
          action,
          entityType: "User",
          entityId: user.id,
          outcome,
          ip: input.ip,
        })
      : Promise.resolve();

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit("auth.signInWhileLocked", "DENIED");
    return { ok: false, error: "locked" };
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const { failedLogins } = await prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    const lock = failedLogins >= maxFailedLogins;
    if (lock) {
      await prisma.user.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockoutMinutes * 60_000) },
      });
    }
    await audit(lock ? "auth.lockout" : "auth.signIn", "DENIED");
    return { ok: false, error: lock ? "locked" : "invalid" };
  }

  await prisma.user.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
  });
  await audit("auth.signIn", "ALLOWED");
  return { ok: true, user: toSessionUser(user) };
}

type TUserWithGrants = {
  id: string;
  email: string;
  name: string;
  accountType: TSessionUser["accountType"];
  grants: { role: TGrant["role"]; department: { code: string } | null }[];
};

export function toSessionUser(user: TUserWithGrants): TSessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    accountType: user.accountType,
    grants: user.grants.map((grant) => ({ role: grant.role, department: grant.department?.code ?? null })),
  };
}

/** The current state of a session's user: null when the account is gone or disabled. */
export async function loadSessionUser(input: { userId: string } & TDbOption): Promise<TSessionUser | null> {
  const user = await (
    await clientOf(input)
  ).user.findUnique({
    where: { id: input.userId },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  return user && !user.disabled ? toSessionUser(user) : null;
}
