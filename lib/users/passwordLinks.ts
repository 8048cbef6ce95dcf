import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { hashPassword } from "../auth/password";
import { endAllSessions } from "../auth/sessions";
import type { TPortal } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { queueMail } from "../mail/sendMail";
import { getT } from "../i18n/server";
import { defaultLocale, isLocale } from "../i18n/settings";
import { publicBaseUrl } from "../notifications/notifyApplicant";

type Tx = Prisma.TransactionClient;

/** How long a mailed link to set a password works: three days, time enough over a weekend. */
export const passwordLinkHours = 72;

export type TPasswordLinkPurpose = "invite" | "reset";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A password hash nobody knows the password of, for an account whose password is yet to be set
 * from a mailed link (an invitation, a reset): a real argon2 hash, so a sign-in attempt takes as
 * long as for any other account and tells nothing.
 */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}

type TLinkUser = { id: string; email: string; name: string; accountType: string; locale: string };

/**
 * Makes a one-time link for a person to set their password and queues the mail that carries it,
 * in the caller's transaction. Earlier links of theirs stop working: only the newest one counts.
 * The token itself is only in the mail; the table keeps its SHA-256.
 */
export async function issuePasswordLink(
  tx: Tx,
  input: { user: TLinkUser; purpose: TPasswordLinkPurpose; now?: Date },
): Promise<{ expiresAt: Date }> {
  const now = input.now ?? new Date();
  const { user } = input;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + passwordLinkHours * 3_600_000);
  await tx.passwordLink.deleteMany({ where: { userId: user.id, usedAt: null } });
  await tx.passwordLink.create({
    data: { userId: user.id, purpose: input.purpose, tokenHash: tokenHash(token), expiresAt, createdAt: now },
  });
  // staff work in the staff area's language; a citizen reads mail in the language they chose
  const staff = user.accountType === "STAFF";
  const locale = !staff && isLocale(user.locale) ? user.locale : defaultLocale;
  const t = await getT(locale, "users");
  const path = staff ? "/staff/set-password" : `/${locale}/set-password`;
  await queueMail(tx, {
    to: user.email,
    userId: user.id,
    subject: t(`users:mail.${input.purpose}.subject`),
    text: [
      t(`users:mail.${input.purpose}.intro`, { name: user.name }),
      "",
      `${publicBaseUrl()}${path}?token=${token}`,
      "",
      t("users:mail.expires", { hours: passwordLinkHours }),
      t("users:mail.notYou"),
    ].join("\n"),
  });
  return { expiresAt };
}

/** The link's unused, unexpired row for a token, with whose it is. */
async function usableLink(tx: Pick<Tx, "passwordLink">, token: string, now: Date) {
  if (!token) return null;
  return tx.passwordLink.findFirst({
    where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: now } },
    include: { user: { select: { id: true, email: true, name: true, accountType: true } } },
  });
}

/** Whose account a mailed link is for, while it works (for the page it opens), else null. */
export async function passwordLinkFor(input: { token: string; now?: Date } & TDbOption) {
  const link = await usableLink(await clientOf(input), input.token, input.now ?? new Date());
  return link
    ? {
        email: link.user.email,
        name: link.user.name,
        purpose: link.purpose as TPasswordLinkPurpose,
        portal: (link.user.accountType === "STAFF" ? "staff" : "public") as TPortal,
      }
    : null;
}

/**
 * Sets a password from a mailed link, once: the link is spent in the same statement that checks
 * it, so of two submissions racing, one sets the password. The person's sessions end (a reset
 * means someone else may have known the old password), and the address counts as confirmed, as
 * the link came to it. Returns which sign-in door to send them to, or null for a link that is
 * unknown, used or expired.
 */
export async function setPasswordWithLink(
  input: { token: string; password: string; now?: Date } & TDbOption,
): Promise<{ portal: TPortal } | null> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  if (!(await usableLink(prisma, input.token, now))) return null;
  const passwordHash = await hashPassword(input.password);
  const user = await prisma.$transaction(async (tx) => {
    const link = await usableLink(tx, input.token, now);
    if (!link) return null;
    const spent = await tx.passwordLink.updateMany({
      where: { id: link.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) return null;
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, confirmTokenHash: null, confirmExpiresAt: null },
    });
    // as after a password change: a pending change of address asked with the old password lapses
    await tx.emailChange.deleteMany({ where: { userId: link.userId, usedAt: null } });
    await writeAudit(tx, ownAccountEntry(link.userId, "user.setPassword", { purpose: link.purpose }));
    return link.user;
  });
  if (!user) return null;
  await endAllSessions({ db: prisma, userId: user.id, now });
  return { portal: user.accountType === "STAFF" ? "staff" : "public" };
}
