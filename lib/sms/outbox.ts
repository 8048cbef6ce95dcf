import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { administratorsClient } from "../auth/guards";
import { retryOutboxMessage, type TRetryInput } from "../outbox/retryOutbox";
import { smsProviderConfig } from "./provider";
import { verifySignedBody } from "./signature";

/** The SMS outbox, newest first, for administrators only (beside the mail outbox). */
export async function listSmsOutbox(input: { actor: TSessionUser; take?: number } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "smsOutbox.read", entityType: "OutboxSms" });
  return prisma.outboxSms.findMany({ orderBy: { createdAt: "desc" }, take: input.take ?? 100 });
}

/**
 * Sends a failed SMS again (administrators): its job runs once more from the first attempt.
 * Audited; anything else (not an administrator, no such failed SMS) is a 404, audited too.
 */
export async function retrySms(input: TRetryInput): Promise<void> {
  await retryOutboxMessage(input, {
    channel: "sms",
    entityType: "OutboxSms",
    failed: (prisma) => prisma.outboxSms.findUnique({ where: { id: input.id }, select: { failedAt: true } }),
    waiting: (tx) => tx.outboxSms.update({ where: { id: input.id }, data: { failedAt: null, error: null } }),
  });
}

/** One delivery receipt as providers report them (Aliyun's SmsReport, Tencent's callback). */
const ZReceipt = z.object({
  biz_id: z.string().min(1).max(100),
  success: z.boolean(),
  err_code: z.string().max(40).optional(),
  report_time: z.string().max(40).optional(),
});
export const ZReceipts = z.array(ZReceipt).min(1).max(500);

/** A receipt body is at most this long: the route stops reading past it. */
export const maxReceiptBytes = 256 * 1024;

/**
 * Records the provider's delivery receipts (the receipt route). The request must be signed with
 * the access key secret like the portal's own requests, and be fresh; anything else is refused
 * (false) without touching a row. Receipts for messages the portal does not know are ignored: the
 * provider is told OK so it does not send them again. Answers how many messages were updated.
 */
export async function recordSmsReceipts(
  input: { body: string; headers: Headers; now?: Date } & TDbOption,
): Promise<{ ok: false } | { ok: true; updated: number }> {
  const config = smsProviderConfig();
  if (
    !config?.secret ||
    !verifySignedBody({
      body: input.body,
      headers: input.headers,
      keyId: config.keyId,
      secret: config.secret,
      now: input.now,
    })
  )
    return { ok: false };
  let parsed: z.infer<typeof ZReceipts>;
  try {
    parsed = ZReceipts.parse(JSON.parse(input.body));
  } catch {
    return { ok: false };
  }
  const prisma = await clientOf(input);
  let updated = 0;
  for (const receipt of parsed) {
    const at = receipt.report_time ? new Date(receipt.report_time.replace(" ", "T") + "+08:00") : null;
    const result = await prisma.outboxSms.updateMany({
      where: { providerId: receipt.biz_id },
      data: {
        receiptStatus: receipt.success ? "DELIVERED" : "FAILED",
        receiptCode: receipt.err_code ?? null,
        receiptAt: at && !Number.isNaN(at.getTime()) ? at : (input.now ?? new Date()),
      },
    });
    updated += result.count;
  }
  return { ok: true, updated };
}
