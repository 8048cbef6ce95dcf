import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { queueOutboxMessage, type TOutboxMessage } from "../jobs/queue";
import { smsParams, type TSmsParams, type TSmsTemplate } from "./templates";

type Tx = PrismaClient | Prisma.TransactionClient;

export type TSms = TOutboxMessage & { template: TSmsTemplate; params: TSmsParams };

export const ZSmsJob = z.object({ outboxId: z.string() });

/**
 * Sends one SMS, durably, exactly like mail (lib/mail/sendMail.ts): the message is kept in the SMS
 * outbox and an `sms.send` job is queued in the caller's transaction, so an SMS exists exactly
 * when the change that caused it committed. The job hands it to the provider (lib/sms/jobs.ts),
 * retrying with a growing delay. Returns false when the key was already queued.
 */
export async function queueSms(tx: Tx, sms: TSms): Promise<boolean> {
  const uniqueKey = sms.key ? `sms:${sms.key}` : undefined;
  return queueOutboxMessage(tx, { kind: "sms.send", uniqueKey, store: () => storeSms(tx, sms) });
}

/** Keeps the SMS in the outbox; answers the payload of the job that sends it. */
async function storeSms(tx: Tx, sms: TSms): Promise<z.infer<typeof ZSmsJob>> {
  const row = await tx.outboxSms.create({
    data: {
      to: sms.to,
      template: sms.template,
      params: smsParams(sms.template, sms.params),
      userId: sms.userId ?? null,
    },
  });
  return { outboxId: row.id };
}

/** Whether SMS leave the portal at all; without SMS_URL the SMS outbox is the only phone (development). */
export function smsConfigured(): boolean {
  return !!process.env.SMS_URL;
}

/**
 * Queues many SMS at once (a mail-out to a community), each with its key: the keys already queued
 * are skipped, the rest are written with two inserts. Returns how many were newly queued.
 */
export async function queueSmsBatch(tx: Tx, messages: (TSms & { key: string })[]): Promise<number> {
  const keyed = messages.map((sms) => ({ ...sms, uniqueKey: `sms:${sms.key}` }));
  const existing = await tx.job.findMany({
    where: { uniqueKey: { in: keyed.map((sms) => sms.uniqueKey) } },
    select: { uniqueKey: true },
  });
  const skip = new Set(existing.map((job) => job.uniqueKey));
  const fresh = keyed.filter((sms) => !skip.has(sms.uniqueKey));
  if (!fresh.length) return 0;
  const rows = fresh.map((sms) => ({
    id: randomUUID(),
    to: sms.to,
    template: sms.template,
    params: smsParams(sms.template, sms.params),
    userId: sms.userId ?? null,
  }));
  await tx.outboxSms.createMany({ data: rows });
  const now = new Date();
  await tx.job.createMany({
    data: rows.map((row, index) => ({
      kind: "sms.send",
      payload: { outboxId: row.id },
      runAt: now,
      uniqueKey: fresh[index].uniqueKey,
    })),
  });
  return rows.length;
}
