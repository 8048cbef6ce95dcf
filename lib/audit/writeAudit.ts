import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientAddress } from "../http/clientAddress";
import { FormError } from "../shared/errors";

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

/** The entry of what an account holder did to their own account. */
export function ownAccountEntry(userId: string, action: string, detail?: Prisma.InputJsonValue): TAuditEntry {
  return { actorId: userId, action, entityType: "User", entityId: userId, detail };
}

/**
 * A change guarded on the row as it was read (`update`'s where clause names its version or status)
 * and its audit entry, in one transaction: a change made meanwhile leaves no row to match, and the
 * change is refused as changed (the form's message `changed`), with nothing written.
 */
export async function writeGuardedChange(
  prisma: PrismaClient,
  update: (tx: Prisma.TransactionClient) => Promise<{ count: number }>,
  entry: TAuditEntry,
  changed = "caseChanged",
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    if ((await update(tx)).count !== 1) throw new FormError(changed);
    await writeAudit(tx, entry);
  });
}
