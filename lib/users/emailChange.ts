import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { isCitizen } from "../auth/policy";
import { verifyPassword } from "../auth/password";
import { ZEmail } from "../auth/schema";
import { otherLiveSessions } from "../auth/sessions";
import type { TSessionUser } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound, recordRefusal } from "../audit/refusals";
import { FormError } from "../shared/errors";
import { queueMail } from "../mail/sendMail";
import { countAttempt, refundAttempt } from "../throttle/throttle";
import { getT } from "../i18n/server";
import { defaultLocale, isLocale } from "../i18n/settings";
import { publicBaseUrl } from "../notifications/notifyApplicant";

/** How long the link mailed to the new address works. */
export const emailChangeHours = 24;

/** The form on /{locale}/account/email: the new address, and the password to show it is the owner. */
export const ZEmailChange = z.object({
  newEmail: ZEmail,
  password: z.string().min(1, "required").max(200, "tooLong"),
});

/** The form on the page the mailed link opens: the token, sent back with the button. */
export const ZEmailChangeLink = z.object({ token: z.string().trim().min(1).max(100) });

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** `z***@example.cn`: enough for the owner to recognise an address, not to learn one. */
export function maskedEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 1 ? "***" : `${email[0]}***${email.slice(at)}`;
}

const mailLocale = (locale: string) => (isLocale(locale) ? locale : defaultLocale);

/**
 * Asks to change the signed-in citizen's e-mail address, confirmed by their password (guessed no
 * faster than at sign-in). Nothing changes yet: a one-time link is mailed to the new address (a
 * job, like every mail) and the address changes only when it is followed, so a typing mistake or
 * someone else's address can never take the account. A newer request replaces an older one. When
 * the address already belongs to another account the answer is the same (the page never says
 * whose an address is); that address gets word that nothing was changed instead of a link.
 * Requests are limited per account, since each one mails an address the person chose. Audited,
 * never the addresses.
 */
export async function requestEmailChange(
  input: { actor: TSessionUser; newEmail: string; password: string; ip?: string | null } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const { actor } = input;
  const entry = { actorId: actor.id, action: "account.emailChange", entityType: "User" };
  if (!isCitizen(actor)) throw await deniedAsNotFound(prisma, entry);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true, name: true, locale: true },
  });
  const key = `${user.email} ${input.ip ?? "unknown"}`;
  await countAttempt({ limit: "signInAccountAddress", key, db: prisma });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordRefusal(prisma, { ...entry, entityId: actor.id, ip: input.ip });
    throw new FormError("passwordWrong", "password");
  }
  await refundAttempt({ limit: "signInAccountAddress", key, db: prisma });
  const newEmail = ZEmail.parse(input.newEmail);
  if (newEmail === user.email) throw new FormError("emailUnchanged", "newEmail");
  await countAttempt({ limit: "emailChange", key: actor.id, db: prisma });

  const locale = mailLocale(user.locale);
  const t = await getT(locale, "privacy");
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.emailChange.deleteMany({ where: { userId: actor.id, usedAt: null } });
    const holder = await tx.user.findUnique({
      where: { email: newEmail },
      select: { confirmTokenHash: true },
    });
    // an account that can sign in holds the address: its owner hears of the attempt, nothing more
    if (holder && !holder.confirmTokenHash) {
      await queueMail(tx, {
        to: newEmail,
        subject: t("privacy:email.mail.taken.subject"),
        text: [t("privacy:email.mail.taken.body"), "", t("privacy:email.mail.notYou")].join("\n"),
      });
    } else {
      await tx.emailChange.create({
        data: {
          userId: actor.id,
          newEmail,
          tokenHash: tokenHash(token),
          expiresAt: new Date(Date.now() + emailChangeHours * 3_600_000),
        },
      });
      await queueMail(tx, {
        to: newEmail,
        userId: actor.id,
        subject: t("privacy:email.mail.confirm.subject"),
        text: [
          t("privacy:email.mail.confirm.intro", { name: user.name }),
          "",
          `${publicBaseUrl()}/${locale}/account/email/confirm?token=${token}`,
          "",
          t("privacy:email.mail.confirm.expires", { hours: emailChangeHours }),
          t("privacy:email.mail.notYou"),
        ].join("\n"),
      });
    }
    await writeAudit(tx, { ...entry, entityId: actor.id, ip: input.ip, detail: { step: "requested" } });
  });
}

/** The usable (unused, unexpired) request a token is for. */
async function usableChange(db: Pick<Prisma.TransactionClient, "emailChange">, token: string) {
  if (!token) return null;
  return db.emailChange.findFirst({
    where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userId: true, newEmail: true },
  });
}

/** The new address a mailed link would set, while the link works (for the page it opens), else null. */
export async function emailChangeFor(
  input: { token: string } & TDbOption,
): Promise<{ newEmail: string } | null> {
  const change = await usableChange(await clientOf(input), input.token);
  return change ? { newEmail: change.newEmail } : null;
}

/**
 * Follows the link mailed to the new address (a button on the page it opens, so a mail scanner
 * fetching the link changes nothing): the account's address becomes the new one, once. The old
 * address is told by mail, with the new one masked, so an owner whose account was taken hears of
 * it. As after a password change, every other session of the person ends (the address is what
 * they sign in with); the session following the link, if it is theirs, stays. A never-confirmed
 * registration holding the address gives way (it could not sign in, and the address's owner has
 * just shown it is theirs); an account that can sign in does not, and the link fails; nor does a
 * closed or disabled account change. Audited.
 * Returns whether the address changed.
 */
export async function confirmEmailChange(
  input: { token: string; currentSid?: string | null } & TDbOption,
): Promise<boolean> {
  const prisma = await clientOf(input);
  if (!(await usableChange(prisma, input.token))) return false;
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const change = await usableChange(tx, input.token);
    if (!change) return false;
    // of two clicks racing, one spends the link
    const spent = await tx.emailChange.updateMany({
      where: { id: change.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) return false;
    const holder = await tx.user.findUnique({
      where: { email: change.newEmail },
      select: { id: true, confirmTokenHash: true },
    });
    if (holder && holder.id !== change.userId) {
      if (!holder.confirmTokenHash) return false;
      // the waiting registration keeps its row (rows may refer to it) but loses the address, and
      // its own link stops working
      await tx.user.update({
        where: { id: holder.id },
        data: { email: `replaced-${holder.id}@closed.invalid`, confirmExpiresAt: now },
      });
    }
    const before = await tx.user.findUniqueOrThrow({
      where: { id: change.userId },
      select: { email: true, name: true, locale: true, closedAt: true, disabled: true },
    });
    if (before.closedAt || before.disabled) return false;
    await tx.user.update({ where: { id: change.userId }, data: { email: change.newEmail } });
    const t = await getT(mailLocale(before.locale), "privacy");
    await queueMail(tx, {
      to: before.email,
      userId: change.userId,
      subject: t("privacy:email.mail.changed.subject"),
      text: [
        t("privacy:email.mail.changed.body", { name: before.name, email: maskedEmail(change.newEmail) }),
        "",
        t("privacy:email.mail.changed.notYou"),
      ].join("\n"),
    });
    const ended = await tx.userSession.updateMany({
      where: otherLiveSessions({ userId: change.userId, currentSid: input.currentSid ?? null }),
      data: { endedAt: now },
    });
    await writeAudit(
      tx,
      ownAccountEntry(change.userId, "account.emailChange", {
        step: "confirmed",
        endedSessions: ended.count,
      }),
    );
    return true;
  });
}
