import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";

type Tx = PrismaClient | Prisma.TransactionClient;

type TJob = { id: string; kind: string; payload: unknown; runAt: Date; attempts: number };
/** Runs one job; `db` is the runner's client (a handler opens its own transactions). */
export type TJobHandler = (input: { db: PrismaClient; payload: unknown; job: TJob }) => Promise<void>;
/**
 * The kinds a runner knows, each with its handler. The queue knows no domain: each domain exports
 * its handlers and the process that starts a runner hands them over (instrumentation.ts).
 */
export type TJobHandlers = Record<string, TJobHandler>;

/** A claimed job whose runner died is taken again after this long. */
const jobLeaseMs = 5 * 60_000;
/** After this many failed attempts a job stops being retried (its lastError says why). */
export const maxJobAttempts = 5;

/**
 * Puts a job in the queue, in the caller's transaction (so a job exists exactly when the change
 * that asked for it committed). With a uniqueKey, a second enqueue of the same key moves the
 * pending job to the new time instead of adding another (a rescheduled notice is published once).
 */
export async function enqueueJob(
  tx: Tx,
  job: { kind: string; payload: Prisma.InputJsonValue; runAt?: Date; uniqueKey?: string },
): Promise<void> {
  const runAt = job.runAt ?? new Date();
  if (!job.uniqueKey) {
    await tx.job.create({ data: { kind: job.kind, payload: job.payload, runAt } });
    return;
  }
  await tx.job.upsert({
    where: { uniqueKey: job.uniqueKey },
    create: { kind: job.kind, payload: job.payload, runAt, uniqueKey: job.uniqueKey },
    // a done job with the same key stays done: scheduling it again is a no-op
    update: {},
  });
  await tx.job.updateMany({
    where: { uniqueKey: job.uniqueKey, doneAt: null },
    data: { runAt, payload: job.payload, attempts: 0, lastError: null },
  });
}

/**
 * Claims up to `limit` due jobs of the kinds this runner knows: `FOR UPDATE SKIP LOCKED` means two
 * runners on one database never claim the same job; the lease means a job claimed by a runner that
 * died is claimed again after jobLeaseMs.
 */
async function claimDueJobs(prisma: PrismaClient, kinds: string[], now: Date, limit = 10): Promise<TJob[]> {
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
async function runJobs(prisma: PrismaClient, jobs: TJob[], handlers: TJobHandlers): Promise<number> {
  let done = 0;
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler({ db: prisma, payload: job.payload, job });
      await prisma.job.update({
        where: { id: job.id },
        data: { doneAt: new Date(), lockedAt: null, lastError: null },
      });
      done++;
    } catch (error) {
      const retryAt = new Date(Date.now() + 30_000 * 2 ** Math.min(job.attempts, 6));
      await prisma.job.update({
        where: { id: job.id },
        data: {
          lockedAt: null,
          runAt: retryAt,
          lastError: String((error as Error)?.stack ?? error).slice(0, 2000),
        },
      });
      // one line per failure; the stack is in the job's lastError
      console.error(
        `[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}): ${(error as Error)?.message ?? error}`,
      );
    }
  }
  return done;
}

/**
 * Claims and runs due jobs of the given kinds until none are left (or `stopped` says so between
 * batches); returns how many ran. `now` moves the clock for tests of scheduled work.
 */
export async function drainJobs(
  input: { handlers: TJobHandlers; now?: () => Date; stopped?: () => boolean } & TDbOption,
): Promise<number> {
  const prisma = await clientOf(input);
  const kinds = Object.keys(input.handlers);
  let total = 0;
  for (;;) {
    const jobs = await claimDueJobs(prisma, kinds, input.now?.() ?? new Date());
    if (!jobs.length) return total;
    total += await runJobs(prisma, jobs, input.handlers);
    if (input.stopped?.()) return total;
  }
}
