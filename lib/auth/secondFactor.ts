import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { writeAudit } from "../audit/writeAudit";
import { recordRefusal } from "../audit/refusals";
import { FormError } from "../shared/errors";
import { countAttempt, refundAttempt } from "../throttle/throttle";
import { openSecret, sealSecret } from "./secretBox";
import { matchTotp, newTotpSecret } from "./totp";
import { hashRecoveryCode, newRecoveryCodes } from "./recoveryCodes";
import { staffMfaMode } from "./staffMfa";
import { toSessionUser } from "./verifyCredentials";
import type { TSessionUser } from "./types";

/** The half-signed state between the password and the second factor lasts five minutes. */
export const challengeLifetimeMs = 5 * 60_000;

const rowId = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/** What the second step must be for someone who gave the right staff password. */
export type TSecondStep = "code" | "enrol";

/**
 * After a right staff password: whether a second step follows, and if so a challenge whose
 * secret the browser keeps (a short-lived cookie). Staff not yet enrolled get a new secret to
 * enrol with (kept until they confirm it, so reloading the page shows the same QR code). With
 * STAFF_MFA=optional, staff who have not enrolled need no second step (null).
 */
export async function beginSecondFactor(
  input: { user: TSessionUser; returnTo?: string | null; now?: Date } & TDbOption,
): Promise<{ secret: string; step: TSecondStep } | null> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.user.id },
    select: { totpEnabledAt: true, totpPendingSecret: true },
  });
  const enrolled = !!user.totpEnabledAt;
  if (!enrolled && staffMfaMode() === "optional") return null;
  if (!enrolled && !user.totpPendingSecret)
    await prisma.user.update({
      where: { id: input.user.id },
      data: { totpPendingSecret: sealSecret(newTotpSecret()) },
    });
  const secret = randomBytes(32).toString("base64url");
  await prisma.signInChallenge.create({
    data: {
      id: rowId(secret),
      userId: input.user.id,
      returnTo: input.returnTo ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + challengeLifetimeMs),
    },
  });
  return { secret, step: enrolled ? "code" : "enrol" };
}

export type TChallenge = {
  id: string;
  userId: string;
  email: string;
  returnTo: string | null;
  step: TSecondStep;
  /** while enrolling: the secret to show as a QR code and text */
  pendingSecret: string | null;
};

/** The challenge a cookie's secret belongs to while it is open (not used, not expired), else null. */
export async function openChallenge(
  input: { secret: string | null | undefined; now?: Date } & TDbOption,
): Promise<TChallenge | null> {
  if (!input.secret) return null;
  const prisma = await clientOf(input);
  const row = await prisma.signInChallenge.findUnique({
    where: { id: rowId(input.secret) },
    include: {
      user: { select: { email: true, disabled: true, totpEnabledAt: true, totpPendingSecret: true } },
    },
  });
  if (!row || row.endedAt || row.expiresAt <= (input.now ?? new Date()) || row.user.disabled) return null;
  const enrolling = !row.user.totpEnabledAt;
  if (enrolling && !row.user.totpPendingSecret) return null;
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    returnTo: row.returnTo,
    step: enrolling ? "enrol" : "code",
    pendingSecret: enrolling ? openSecret(row.user.totpPendingSecret as string) : null,
  };
}

type TCodeInput = { code?: string; recoveryCode?: string; ip?: string | null; now?: Date };

/**
 * Counts a second-factor attempt (per account and per address) and checks it: an authenticator
 * code is accepted once (the step it belongs to must be later than the last one accepted, taken
 * in one statement so two requests cannot both use it), a recovery code once (marked used in one
 * statement). A wrong code is a field error and an audited refusal; a right one does not count.
 */
export async function checkSecondFactor(
  prisma: PrismaClient,
  userId: string,
  input: TCodeInput & { secret: string; newSecret?: boolean },
): Promise<"totp" | "recovery"> {
  const now = input.now ?? new Date();
  const address = input.ip ?? "unknown";
  await countAttempt({ limit: "secondFactorAccount", key: userId, db: prisma });
  await countAttempt({ limit: "secondFactorAddress", key: address, db: prisma });
  const method = input.recoveryCode !== undefined ? "recovery" : "totp";
  let accepted = false;
  if (method === "recovery") {
    const used = await prisma.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(input.recoveryCode ?? ""), usedAt: null },
      data: { usedAt: now },
    });
    accepted = used.count === 1;
  } else {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpLastStep: true },
    });
    // a secret being enrolled has had no code used yet: the last step belongs to the old one
    const afterStep = input.newSecret ? null : user.totpLastStep;
    const step = await matchTotp({ secret: input.secret, code: input.code ?? "", now, afterStep });
    if (step !== null) {
      const taken = await prisma.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      accepted = taken.count === 1 || !!input.newSecret;
    }
  }
  if (!accepted) {
    await recordRefusal(prisma, {
      actorId: userId,
      action: "auth.secondFactor",
      entityType: "User",
      entityId: userId,
      ip: input.ip,
    });
    throw method === "recovery"
      ? new FormError("recoveryCodeInvalid", "recoveryCode")
      : new FormError("totpCodeInvalid", "code");
  }
  await refundAttempt({ limit: "secondFactorAccount", key: userId, db: prisma });
  await refundAttempt({ limit: "secondFactorAddress", key: address, db: prisma });
  return method;
}

/** Ends a challenge once: a second request with the same cookie finds it ended. */
async function endChallenge(prisma: PrismaClient, id: string, now: Date): Promise<void> {
  const ended = await prisma.signInChallenge.updateMany({
    where: { id, endedAt: null },
    data: { endedAt: now },
  });
  if (ended.count !== 1) throw new FormError("signInExpired");
}

async function sessionUserOf(prisma: PrismaClient, userId: string): Promise<TSessionUser> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  return toSessionUser(user);
}

/**
 * The second step of a staff sign-in: an authenticator code, or one of the recovery codes. On
 * success the challenge ends and the caller opens the session; a challenge that has ended or
 * expired sends the person back to the password (FormError "signInExpired"). Throws
 * TooManyRequestsError over a limit, FormError for a wrong code.
 */
export async function completeSecondFactor(
  input: { challengeSecret: string | null | undefined } & TCodeInput & TDbOption,
): Promise<{ user: TSessionUser; returnTo: string | null }> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const challenge = await openChallenge({ db: prisma, secret: input.challengeSecret, now });
  if (!challenge || challenge.step !== "code") throw new FormError("signInExpired");
  const stored = await prisma.user.findUniqueOrThrow({
    where: { id: challenge.userId },
    select: { totpSecret: true },
  });
  const method = await checkSecondFactor(prisma, challenge.userId, {
    ...input,
    now,
    secret: openSecret(stored.totpSecret ?? ""),
  });
  await endChallenge(prisma, challenge.id, now);
  await writeAudit(prisma, {
    actorId: challenge.userId,
    action: "auth.secondFactor",
    entityType: "User",
    entityId: challenge.userId,
    ip: input.ip,
    detail: { method },
  });
  return { user: await sessionUserOf(prisma, challenge.userId), returnTo: challenge.returnTo };
}

/**
 * Checks a code for a program signing in through next-auth's credentials endpoint (no second
 * page there): the same rules, limits and audit as the form. Staff who have not enrolled cannot
 * sign in this way unless STAFF_MFA=optional lets them in with the password.
 */
export async function checkProgramSecondFactor(
  input: { userId: string } & TCodeInput & TDbOption,
): Promise<{ secondFactor: boolean }> {
  const prisma = await clientOf(input);
  const stored = await prisma.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!stored.totpEnabledAt || !stored.totpSecret) {
    if (staffMfaMode() === "optional") return { secondFactor: false };
    throw new FormError("totpCodeInvalid", "code");
  }
  const method = await checkSecondFactor(prisma, input.userId, {
    ...input,
    secret: openSecret(stored.totpSecret),
  });
  await writeAudit(prisma, {
    actorId: input.userId,
    action: "auth.secondFactor",
    entityType: "User",
    entityId: input.userId,
    ip: input.ip,
    detail: { method },
  });
  return { secondFactor: true };
}

/**
 * Replaces a person's recovery codes with ten new ones (the old stop working at once) and returns
 * them, the only time they are seen in clear.
 */
export async function replaceRecoveryCodes(prisma: PrismaClient, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
    });
  });
  return codes;
}

/**
 * Confirms a first enrolment during sign-in: the code must come from the secret shown. The secret
 * becomes the account's, ten recovery codes are made, the challenge ends, and the caller opens
 * the session and shows the codes once.
 */
export async function confirmEnrolment(
  input: {
    challengeSecret: string | null | undefined;
    code: string;
    ip?: string | null;
    now?: Date;
  } & TDbOption,
): Promise<{ user: TSessionUser; returnTo: string | null; recoveryCodes: string[] }> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const challenge = await openChallenge({ db: prisma, secret: input.challengeSecret, now });
  if (!challenge || challenge.step !== "enrol" || !challenge.pendingSecret)
    throw new FormError("signInExpired");
  await checkSecondFactor(prisma, challenge.userId, {
    code: input.code,
    ip: input.ip,
    now,
    secret: challenge.pendingSecret,
    newSecret: true,
  });
  await endChallenge(prisma, challenge.id, now);
  await prisma.user.update({
    where: { id: challenge.userId },
    data: { totpSecret: sealSecret(challenge.pendingSecret), totpPendingSecret: null, totpEnabledAt: now },
  });
  const recoveryCodes = await replaceRecoveryCodes(prisma, challenge.userId);
  await writeAudit(prisma, {
    actorId: challenge.userId,
    action: "auth.totpEnrolled",
    entityType: "User",
    entityId: challenge.userId,
    ip: input.ip,
  });
  return { user: await sessionUserOf(prisma, challenge.userId), returnTo: challenge.returnTo, recoveryCodes };
}
