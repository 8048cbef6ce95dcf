import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import { hashPassword } from "../auth/password";
import type { TRegister } from "../auth/schema";
import type { TSessionUser } from "../auth/types";
import { enqueueJob } from "../jobs/queue";
import { clientAddress } from "../http/clientAddress";
import { countAttempt } from "../throttle/throttle";
import type { TLocale } from "../i18n/settings";

/** How long the link in a confirmation mail works. */
const confirmHours = 48;

export const registrationMailJob = "users.registrationMail";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Registers a citizen (person or organisation). The answer never says whether the address has an
 * account: every registration ends in "check your mail", and the address's owner learns the rest
 * from the mail — a link to confirm a new account, or, when the address already belongs to an
 * account, word that someone tried to register with it. Both paths hash the password and queue
 * one mail, so they also take about as long. An account waiting for confirmation cannot sign in;
 * registering its address again replaces it (someone else may have typed the address first).
 * Registrations are limited per client address (TooManyRequestsError).
 */
export async function registerCitizen(input: TRegister & { locale: TLocale } & TDbOption): Promise<void> {
  const prisma = await clientOf(input);
  await countAttempt({ limit: "register", key: (await clientAddress()) ?? "unknown", db: prisma });
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    // registrations of one address one at a time, so the unique index never decides the answer
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`register:${email}`}, 0))`;
    const existing = await tx.user.findUnique({ where: { email }, select: { confirmTokenHash: true } });
    if (existing && !existing.confirmTokenHash) {
      await enqueueJob(tx, {
        kind: registrationMailJob,
        payload: { email, locale: input.locale, kind: "taken" },
      });
      return;
    }
    const pending = {
      name: input.name,
      accountType: input.accountType,
      passwordHash,
      locale: input.locale,
      confirmTokenHash: tokenHash(token),
      confirmExpiresAt: new Date(Date.now() + confirmHours * 3_600_000),
    };
    await tx.user.upsert({ where: { email }, create: { email, ...pending }, update: pending });
    await enqueueJob(tx, {
      kind: registrationMailJob,
      payload: { email, locale: input.locale, kind: "confirm", token },
    });
  });
}

/** The account a confirmation link is for, while the link works (for the confirmation page). */
export async function pendingRegistration(input: { token: string } & TDbOption) {
  if (!input.token) return null;
  return (await clientOf(input)).user.findFirst({
    where: { confirmTokenHash: tokenHash(input.token), confirmExpiresAt: { gt: new Date() } },
    select: { email: true, name: true },
  });
}

/**
 * Confirms a registration from the link in its mail: the account can sign in from now on.
 * Returns the user to start a session for, or null when the link is unknown, used or expired.
 */
export async function confirmRegistration(
  input: { token: string } & TDbOption,
): Promise<TSessionUser | null> {
  const prisma = await clientOf(input);
  const confirmTokenHash = tokenHash(input.token);
  const user = await prisma.user.findFirst({
    where: { confirmTokenHash, confirmExpiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, accountType: true },
  });
  if (!user) return null;
  // the token in the condition: of two clicks racing, one confirms
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, confirmTokenHash },
    data: { confirmTokenHash: null, confirmExpiresAt: null },
  });
  return count === 1 ? { ...user, grants: [] } : null;
}
