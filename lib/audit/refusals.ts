import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { clientAddress } from "../http/clientAddress";
import { enqueueJob, type TJobHandler, type TJobHandlers } from "../jobs/queue";
import { NotFoundError } from "../shared/errors";
import { writeAudit, type TAuditEntry } from "./writeAudit";

type TRefusal = Omit<TAuditEntry, "outcome">;

const summaryJob = "audit.refusalSummary";

/**
 * How long repeats of one refusal are gathered into one summary row: AUDIT_REFUSAL_WINDOW_SECONDS,
 * 15 minutes by default. Shorter gives the log finer times, longer fewer rows for a persistent prober.
 */
export function refusalWindowSeconds(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.AUDIT_REFUSAL_WINDOW_SECONDS);
  return Number.isFinite(seconds) && seconds >= 1 ? Math.floor(seconds) : 15 * 60;
}

/**
 * Audits a refusal without letting repeats flood the log (which is append-only): the first refusal
 * of the same actor, from the same address, for the same action on the same target in a window
 * is written at once; later ones only count, in AuditRefusal, and when the window closes a job
 * writes one summary row saying how many more there were and between which times. Written with the
 * root client, never inside the refused operation's transaction, which the refusal rolls back.
 */
export async function recordRefusal(
  prisma: PrismaClient,
  entry: TRefusal,
  now: Date = new Date(),
): Promise<void> {
  const ip = entry.ip ?? (await clientAddress());
  const windowMs = refusalWindowSeconds() * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = createHash("sha256")
    .update(JSON.stringify([entry.actorId, ip, entry.action, entry.entityType, entry.entityId ?? null]))
    .digest("hex");
  // one statement (INSERT … ON CONFLICT DO UPDATE): concurrent repeats each count exactly once
  const counted = await prisma.auditRefusal.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: {
      key,
      windowStart,
      actorId: entry.actorId,
      ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      firstAt: now,
      lastAt: now,
    },
    update: { count: { increment: 1 }, lastAt: now },
    select: { id: true, count: true },
  });
  if (counted.count > 1) return;
  await prisma.$transaction(async (tx) => {
    await writeAudit(tx, { ...entry, ip, outcome: "DENIED" });
    await enqueueJob(tx, {
      kind: summaryJob,
      payload: { id: counted.id },
      runAt: new Date(windowStart.getTime() + windowMs),
      uniqueKey: `audit-refusal:${counted.id}`,
    });
  });
}

/**
 * Records a refusal and returns the error to throw: a refusal is audited like a success, and the
 * actor is told only "not found", so nothing says whether what they asked for exists.
 */
export async function deniedAsNotFound(prisma: PrismaClient, entry: TRefusal): Promise<NotFoundError> {
  await recordRefusal(prisma, entry);
  return new NotFoundError(entry.entityType);
}

/**
 * For a read whose ownership or scope sits in its where clause and found nothing: if what was
 * asked for does exist (someone else's, or outside the reader's scope), the refusal is audited.
 * Always null, so the caller answers exactly as for something that does not exist.
 */
export async function auditIfExists(
  prisma: PrismaClient,
  exists: () => Promise<unknown>,
  entry: TRefusal,
): Promise<null> {
  if (await exists()) await recordRefusal(prisma, entry);
  return null;
}

/** A table a citizen reads their own records of by tracking number: cases, disclosure requests. */
type TTrackedTable = {
  findUnique(args: { where: { trackingNumber: string }; select: { id: true } }): Promise<unknown>;
};

/**
 * For a citizen's read of their own record by tracking number (ownership in its where clause): the
 * record found, else null, with the refusal audited when the number is someone else's record.
 */
export async function ownOrRefused<T>(
  prisma: PrismaClient,
  found: T | null,
  read: { actor: { id: string }; trackingNumber: string },
  refusal: { table: TTrackedTable; action: string; entityType: string },
): Promise<T | null> {
  if (found) return found;
  const { table, ...entry } = refusal;
  return auditIfExists(
    prisma,
    () => table.findUnique({ where: { trackingNumber: read.trackingNumber }, select: { id: true } }),
    { ...entry, actorId: read.actor.id, entityId: read.trackingNumber },
  );
}

/**
 * For a staff read that found its record and must check the reader's scope: the record when
 * `allowed`, else null with the refusal audited, so the page answers as for a missing record.
 */
export async function inScopeOrRefused<T>(
  prisma: PrismaClient,
  found: T | null,
  allowed: (found: T) => boolean,
  entry: TRefusal,
): Promise<T | null> {
  if (!found || allowed(found)) return found;
  await recordRefusal(prisma, entry);
  return null;
}

/** The same for a change: the record when `allowed`, else the audited refusal thrown as "not found". */
export async function inScopeOrDenied<T>(
  ...[prisma, found, allowed, entry]: Parameters<typeof inScopeOrRefused<T>>
): Promise<T> {
  if (found && allowed(found)) return found;
  throw await deniedAsNotFound(prisma, entry);
}

type TRefusalRow = {
  actorId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  count: number;
  firstAt: Date;
  lastAt: Date;
};

/** Closes one window: its counter goes, and if it saw repeats, one summary row records them. */
const summariseRefusals: TJobHandler = async ({ db: prisma, payload }) => {
  const { id } = z.object({ id: z.string().min(1) }).parse(payload);
  await prisma.$transaction(async (tx) => {
    // taken and removed in one statement, so no repeat counted meanwhile is lost
    const [row] = await tx.$queryRaw<TRefusalRow[]>`
      DELETE FROM "AuditRefusal" WHERE "id" = ${id}
      RETURNING "actorId", "ip", "action", "entityType", "entityId", "count", "firstAt", "lastAt"`;
    if (!row || row.count <= 1) return;
    await writeAudit(tx, {
      actorId: row.actorId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      outcome: "DENIED",
      ip: row.ip,
      detail: {
        repeated: row.count - 1,
        from: new Date(row.firstAt).toISOString(),
        to: new Date(row.lastAt).toISOString(),
      },
    });
  });
};

/** The audit's jobs, for the runner (instrumentation.ts). */
export const auditJobHandlers: TJobHandlers = { [summaryJob]: summariseRefusals };
