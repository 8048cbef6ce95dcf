import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientAddress } from "../http/clientAddress";

type Tx = PrismaClient | Prisma.TransactionClient;

export type TAuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome?: "ALLOWED" | "DENIED";
  detail?: Prisma.InputJsonValue;
  ip?: string | null;
};

/**
 * Appends one entry to the audit log; pass the transaction client to commit with the change. The
 * client address is the current request's, as the server established it, unless the entry names one.
 * The database links the row into the hash chain (its insert trigger waits for any other writer's
 * transaction to end, so keep audited transactions short) and refuses any later change to it.
 */
export async function writeAudit(tx: Tx, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      outcome: entry.outcome ?? "ALLOWED",
      detail: entry.detail,
      ip: entry.ip ?? (await clientAddress()),
    },
  });
}
