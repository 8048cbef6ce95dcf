import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { writeAudit } from "../audit/writeAudit";
import { FormError, NotFoundError } from "../shared/errors";
import { isStaff } from "./policy";
import { openSecret, sealSecret } from "./secretBox";
import { newTotpSecret } from "./totp";
import { checkSecondFactor, replaceRecoveryCodes } from "./secondFactor";
import type { TSessionUser } from "./types";

type TActorInput = { actor: TSessionUser } & TDbOption;
type TCodeInput = TActorInput & { code: string; ip?: string | null; now?: Date };

export type TTwoFactorStatus = {
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
  /** while re-enrolling: the new secret to show, until a code from it confirms it */
  pendingSecret: string | null;
};

/** Two-factor sign-in is for staff: anyone else's request is for something that does not exist. */
function staffOnly(actor: TSessionUser): void {
  if (!isStaff(actor)) throw new NotFoundError("two-factor");
}

/** The actor's own second factor: since when, how many recovery codes are left, a re-enrolment under way. */
export async function twoFactorStatus(input: TActorInput): Promise<TTwoFactorStatus> {
  staffOnly(input.actor);
  const prisma = await clientOf(input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: {
      totpEnabledAt: true,
      totpPendingSecret: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return {
    enrolledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    pendingSecret: user.totpEnabledAt && user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null,
  };
}

/** The code from the authenticator the actor uses now (each code once, counted like a sign-in). */
async function checkCurrentCode(prisma: PrismaClient, input: TCodeInput): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt || !user.totpSecret) throw new FormError("totpCodeInvalid", "code");
  await checkSecondFactor(prisma, input.actor.id, { ...input, secret: openSecret(user.totpSecret) });
}

/**
 * Starts moving two-factor sign-in to another authenticator (a new phone): a code from the
 * current one proves the person holds it, then a new secret waits to be confirmed. The current
 * authenticator keeps working until then.
 */
export async function startReenrolment(input: TCodeInput): Promise<void> {
  staffOnly(input.actor);
  const prisma = await clientOf(input);
  await checkCurrentCode(prisma, input);
  await prisma.user.update({
    where: { id: input.actor.id },
    data: { totpPendingSecret: sealSecret(newTotpSecret()) },
  });
  await writeAudit(prisma, {
    actorId: input.actor.id,
    action: "auth.totpReenrolStarted",
    entityType: "User",
    entityId: input.actor.id,
    ip: input.ip,
  });
}

/** Confirms the new authenticator with a code from it: from now on only it works. */
export async function confirmReenrolment(input: TCodeInput): Promise<void> {
  staffOnly(input.actor);
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { totpPendingSecret: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt || !user.totpPendingSecret) throw new FormError("totpCodeInvalid", "code");
  const pending = openSecret(user.totpPendingSecret);
  await checkSecondFactor(prisma, input.actor.id, { ...input, now, secret: pending, newSecret: true });
  await prisma.$transaction(async (tx) => {
    // only the secret that was checked: a second confirmation racing this one changes nothing
    const swapped = await tx.user.updateMany({
      where: { id: input.actor.id, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: sealSecret(pending), totpPendingSecret: null, totpEnabledAt: now },
    });
    if (swapped.count !== 1) throw new FormError("totpCodeInvalid", "code");
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "auth.totpEnrolled",
      entityType: "User",
      entityId: input.actor.id,
      ip: input.ip,
      detail: { again: true },
    });
  });
}

/** Abandons a re-enrolment: the current authenticator stays. */
export async function cancelReenrolment(input: TActorInput): Promise<void> {
  staffOnly(input.actor);
  const prisma = await clientOf(input);
  await prisma.user.updateMany({
    where: { id: input.actor.id, totpEnabledAt: { not: null } },
    data: { totpPendingSecret: null },
  });
}

/**
 * Ten new recovery codes for the actor, after a code from the current authenticator; the old
 * codes stop working at once. Returns the new ones, to be shown this once.
 */
export async function regenerateRecoveryCodes(input: TCodeInput): Promise<string[]> {
  staffOnly(input.actor);
  const prisma = await clientOf(input);
  await checkCurrentCode(prisma, input);
  const codes = await replaceRecoveryCodes(prisma, input.actor.id);
  await writeAudit(prisma, {
    actorId: input.actor.id,
    action: "auth.recoveryCodesReplaced",
    entityType: "User",
    entityId: input.actor.id,
    ip: input.ip,
  });
  return codes;
}
