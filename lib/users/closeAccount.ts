import "server-only";
import { randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import { verifyPassword } from "../auth/password";
import type { TSessionUser } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { requireOwnAccount } from "../auth/guards";
import { FormError } from "../shared/errors";
import { purgeMailBodies } from "../mail/purgeMail";
import { countAttempt } from "../throttle/throttle";
import { removeStoredFiles, unattachedUploads } from "../uploads/unattachedUploads";

/** An address no mail can reach (RFC 2606 reserves .invalid), unique per account as the column requires. */
export const closedAccountEmail = (userId: string) => `closed-${userId}@closed.invalid`;

/**
 * Closes the signed-in citizen's account (个人信息保护法 Art. 47), confirmed by their password.
 * Afterwards nobody can sign in to it and every session and API token has ended. The person's
 * data outside government records is erased: name, phone, ID number and password are gone, the
 * e-mail address becomes an unreachable placeholder, and drafts with their unattached uploads
 * (the stored files too), subscriptions, tokens, sessions, notifications, their communities,
 * mailed password links, asked-for address changes and kept form state are deleted; mail kept
 * for them loses its body and address. Cases and disclosure requests stay: they are government
 * records (档案法, 政府信息公开条例), and carry what the person submitted in them. The row itself stays, because cases, requests and the append-only audit log refer to it.
 * Staff accounts cannot close themselves (administrators disable them). Audited.
 */
export async function closeAccount(
  input: { actor: TSessionUser; password: string } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const { actor } = input;
  await requireOwnAccount(prisma, { actor, action: "account.close" });
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true },
  });
  // a stolen session must not be able to guess the password here any faster than at sign-in
  await countAttempt({ limit: "signInAccount", key: user.email, db: prisma });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await writeAudit(prisma, {
      actorId: actor.id,
      action: "account.close",
      entityType: "User",
      entityId: actor.id,
      outcome: "DENIED",
    });
    throw new FormError("passwordWrong", "password");
  }

  const now = new Date();
  const files = await prisma.$transaction(async (tx) => {
    const uploads = await unattachedUploads(tx, { uploaderId: actor.id });
    await tx.attachment.deleteMany({ where: { id: { in: uploads.map((u) => u.id) } } });
    const counts = {
      drafts: (await tx.applicationDraft.deleteMany({ where: { userId: actor.id } })).count,
      uploads: uploads.length,
      subscriptions: (await tx.subscription.deleteMany({ where: { email: user.email } })).count,
      apiTokens: (await tx.apiToken.deleteMany({ where: { userId: actor.id } })).count,
      sessions: (await tx.userSession.deleteMany({ where: { userId: actor.id } })).count,
      notifications: (await tx.notification.deleteMany({ where: { userId: actor.id } })).count,
      communities: (await tx.userCommunity.deleteMany({ where: { userId: actor.id } })).count,
      passwordLinks: (await tx.passwordLink.deleteMany({ where: { userId: actor.id } })).count,
      // a failed form's kept state holds what the person typed
      formReturns: (await tx.formReturn.deleteMany({ where: { userId: actor.id } })).count,
      emailChanges: (await tx.emailChange.deleteMany({ where: { userId: actor.id } })).count,
    };
    // mail kept for the person keeps only that it went out; mail not yet sent never will be
    const mails = await purgeMailBodies(tx, { OR: [{ userId: actor.id }, { to: user.email }] }, now);
    await tx.user.update({
      where: { id: actor.id },
      data: {
        email: closedAccountEmail(actor.id),
        name: "",
        phone: null,
        idNumber: null,
        // not an argon2 hash: no password ever verifies against it
        passwordHash: `closed:${randomBytes(16).toString("hex")}`,
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        disabled: true,
        closedAt: now,
      },
    });
    await writeAudit(tx, ownAccountEntry(actor.id, "account.close", { ...counts, mails }));
    return uploads;
  });
  // after the commit: a failure here leaves a file no row names, never a row without its file
  await removeStoredFiles(files);
}
