import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { queueOutboxMessage, type TOutboxMessage } from "../jobs/queue";

type Tx = PrismaClient | Prisma.TransactionClient;

export type TMail = TOutboxMessage & {
  subject: string;
  text: string;
  headers?: Record<string, string>;
  /** notice deliveries to record once the SMTP server has accepted the mail, and not before */
  deliveries?: { noticeId: string; subscriptionIds: string[] };
};

export const ZMailJob = z.object({
  outboxId: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  deliveries: z.object({ noticeId: z.string(), subscriptionIds: z.array(z.string()) }).optional(),
});

/**
 * Sends one e-mail, durably: the mail is kept in the outbox and a `mail.send` job is queued in
 * the caller's transaction, so a mail exists exactly when the change that caused it committed,
 * and no request waits for (or loses its mail to) the SMTP server. The job delivers it, retrying
 * with a growing delay (lib/mail/jobs.ts). Returns false when the key was already queued.
 */
export async function queueMail(tx: Tx, mail: TMail): Promise<boolean> {
  const uniqueKey = mail.key ? `mail:${mail.key}` : undefined;
  return queueOutboxMessage(tx, { kind: "mail.send", uniqueKey, store: () => storeMail(tx, mail) });
}

/** Keeps the mail in the outbox; answers the payload of the job that sends it. */
async function storeMail(tx: Tx, mail: TMail): Promise<z.infer<typeof ZMailJob>> {
  const row = await tx.outboxMail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, userId: mail.userId ?? null },
  });
  return {
    outboxId: row.id,
    ...(mail.headers ? { headers: mail.headers } : {}),
    ...(mail.deliveries ? { deliveries: mail.deliveries } : {}),
  };
}

/** The same, in a transaction of its own, for callers that are not in one. */
export async function sendMail(mail: TMail & TDbOption): Promise<boolean> {
  const prisma = await clientOf(mail);
  return prisma.$transaction((tx) => queueMail(tx, mail));
}

/** Whether mail leaves the portal at all; without SMTP_URL the outbox is the only mailbox. */
export function smtpConfigured(): boolean {
  return !!process.env.SMTP_URL;
}
