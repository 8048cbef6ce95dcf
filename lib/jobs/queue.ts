import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;

export type TJob = { id: string; kind: string; payload: unknown; runAt: Date; attempts: number };
export type TJobHandler = (prisma: PrismaClient, payload: unknown, job: TJob) => Promise<void>;

/** A claimed job whose runner died is taken again after this long. */
export const jobLeaseMs = 5 * 60_000;
/** After this many failed attempts a job stops being retried (its lastError says why). */
export const maxJobAttempts = 5;

/**
 * Puts a job in the queue. With a uniqueKey, a second enqueue of the same key moves the pending
 * job to the new time instead of adding another (a rescheduled notice is published once).
 */
export async function enqueueJob(
  prisma: Tx,
  job: { kind: string; payload: Prisma.InputJsonValue; runAt?: Date; uniqueKey?: string },
): Promise<void> {
  const runAt = job.runAt ?? new Date();
  if (!job.uniqueKey) {
    await prisma.job.create({ data: { kind: job.kind, payload: job.payload, runAt } });
    return;
  }
  await prisma.job.upsert({
    where: { uniqueKey: job.uniqueKey },
    create: { kind: job.kind, payload: job.payload, runAt, uniqueKey: job.uniqueKey },
    // a done job with the same key stays done: scheduling it again is a no-op
    update: {},
  });
  await prisma.job.updateMany({
    where: { uniqueKey: job.uniqueKey, doneAt: null },
    data: { runAt, payload: job.payload, attempts: 0, lastError: null },
  });
}

/**
 * Claims up to `limit` due jobs of the kinds this runner knows: `FOR UPDATE SKIP LOCKED` means two runners on
 * one database never claim the same job; the lease means a job claimed by a runner that died is
 * claimed again after jobLeaseMs.
 */
export async function claimDueJobs(
  prisma: PrismaClient,
  kinds: string[],
  { now = new Date(), limit = 10 }: { now?: Date; limit?: number } = {},
): Promise<TJob[]> {
  const staleBefore = new Date(now.getTime() - jobLeaseMs);
  return prisma.$queryRaw<TJob[]>`
    UPDATE "Job" SET "lockedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "doneAt" IS NULL AND "runAt" <= ${now} AND "kind" = ANY(${kinds}) AND "attempts" < ${maxJobAttempts}
        AND ("lockedAt" IS NULL OR "lockedAt" < ${staleBefore})
      ORDER BY "runAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "kind", "payload", "runAt", "attempts"`;
}

/** Runs the claimed jobs; a failure is recorded and retried later with a growing delay. */
export async function runJobs(
  prisma: PrismaClient,
  jobs: TJob[],
  handlers: Record<string, TJobHandler>,
): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(prisma, job.payload, job);
      await prisma.job.update({
        where: { id: job.id },
        data: { doneAt: new Date(), lockedAt: null, lastError: null },
      });
      done++;
    } catch (error) {
      failed++;
      const retryAt = new Date(Date.now() + 30_000 * 2 ** Math.min(job.attempts, 6));
      await prisma.job.update({
        where: { id: job.id },
        data: {
          lockedAt: null,
          runAt: retryAt,
          lastError: String((error as Error)?.stack ?? error).slice(0, 2000),
        },
      });
      console.error(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts})`, error);
    }
  }
  return { done, failed };
}

/** Claims and runs due jobs until none are left; returns how many ran. */
export async function drainJobs(
  prisma: PrismaClient,
  handlers: Record<string, TJobHandler>,
  now?: () => Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const jobs = await claimDueJobs(prisma, Object.keys(handlers), { now: now?.() });
    if (!jobs.length) return total;
    total += (await runJobs(prisma, jobs, handlers)).done;
  }
}
