import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { restartJob } from "../jobs/queue";

/** Who asks to send which failed outbox message again. */
export type TRetryInput = { actor: TSessionUser; id: string } & TDbOption;

/**
 * Sends a failed outbox message again (administrators): its send job (`${channel}.send`, naming the
 * message as its `outboxId`) runs once more from the first attempt, and `waiting` marks the message
 * as not failed any more. Audited as `${channel}.retry`; anything else (not an administrator, no
 * such failed message) is a 404, audited too.
 */
export async function retryOutboxMessage(
  input: TRetryInput,
  outbox: {
    channel: "mail" | "sms";
    entityType: string;
    failed: (prisma: PrismaClient) => Promise<{ failedAt: Date | null } | null>;
    waiting: (tx: Prisma.TransactionClient) => Promise<unknown>;
  },
): Promise<void> {
  const prisma = await clientOf(input);
  const entry = {
    actorId: input.actor.id,
    action: `${outbox.channel}.retry`,
    entityType: outbox.entityType,
    entityId: input.id,
  };
  const message = isAdministrator(input.actor) ? await outbox.failed(prisma) : null;
  const job = message?.failedAt
    ? await prisma.job.findFirst({
        where: { kind: `${outbox.channel}.send`, payload: { path: ["outboxId"], equals: input.id } },
      })
    : null;
  if (!job) throw await deniedAsNotFound(prisma, entry);
  await prisma.$transaction(async (tx) => {
    await outbox.waiting(tx);
    await restartJob(tx, job.id);
    await writeAudit(tx, entry);
  });
}
