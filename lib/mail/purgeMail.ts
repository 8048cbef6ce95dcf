import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;

/** The SHA-256 an address is kept as once the mail to it is no longer held in full. */
export const addressHash = (address: string) => createHash("sha256").update(address).digest("hex");

/**
 * Drops the body of the kept mails `where` selects and replaces their address by its SHA-256: the
 * row still says that a mail with this subject went out and when, and to which address when that
 * address is known, but no longer holds what it said or whom it reached. A mail not yet sent is
 * then never sent (the mail job skips purged rows). Returns how many were purged.
 */
export async function purgeMailBodies(
  tx: Tx,
  where: Prisma.OutboxMailWhereInput,
  now: Date,
): Promise<number> {
  const mails = await tx.outboxMail.findMany({
    where: { ...where, purgedAt: null },
    select: { id: true, to: true },
  });
  for (const mail of mails)
    await tx.outboxMail.update({
      where: { id: mail.id },
      data: { to: addressHash(mail.to), text: "", purgedAt: now },
    });
  return mails.length;
}
