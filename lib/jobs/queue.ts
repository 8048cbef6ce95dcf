import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";

type Tx = PrismaClient | Prisma.TransactionClient;

type TJob = { id: string; kind: string; payload: unknown; runAt: Date; attempts: number };
/**
 * Runs one job; `db` is the runner's client (a handler opens its own transactions). `signal` is
 * aborted when the runner gives the attempt up (past its time limit, or its lease was lost): a
 * handler that loops should stop there, as the job will be retried.
 */
export type TJobHandler = (input: {
  db: PrismaClient;
  payload: unknown;
  job: TJob;
  signal?: AbortSignal;
}) => Promise<void>;
/**
 * The kinds a runner knows, each with its handler. The queue knows no domain: each domain exports
 * its handlers and the process that starts a runner hands them over (lib/jobs/registry.ts).
 */
export type TJobHandlers = Record<string, TJobHandler>;

const sideBySideMark = Symbol.for("onestop.jobs.sideBySide");

/**
 * Marks a handler whose jobs may run side by side with each other (drainJobs' extra lanes take
 * only these): each job stands alone and waits mostly on another server, as one mail or one text
 * message does. Jobs that keep an order among themselves (a letter's webhook deliveries, a
 * notice's steps) are left unmarked and run one at a time, in the runner's first lane.
 */
export function sideBySide(handler: TJobHandler): TJobHandler {
  return Object.assign(handler, { [sideBySideMark]: true });
}

const runsSideBySide = (handler: TJobHandler) =>
  (handler as TJobHandler & { [sideBySideMark]?: boolean })[sideBySideMark] === true;

/** After this many failed attempts a job is a dead letter (failedAt), listed for administrators. */
export const maxJobAttempts = 5;

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How the runner holds and limits an attempt; the defaults come from the environment. */
export type TLeaseOptions = {
  /** a claimed job is the runner's for this long, renewed every third of it while the handler runs */
  leaseMs?: number;
  /** an attempt running longer is abandoned (its signal aborted) and counted as failed */
  timeoutMs?: number;
};

function leaseSettings(input: TLeaseOptions) {
  const leaseMs = input.leaseMs ?? envMs("JOB_LEASE_MS", 60_000);
  return { leaseMs, timeoutMs: input.timeoutMs ?? envMs("JOB_TIMEOUT_MS", 15 * 60_000) };
}

/**
 * Puts a job in the queue, in the caller's transaction (so a job exists exactly when the change
 * that asked for it committed). With a uniqueKey (a singleton), a second enqueue of the same key
 * moves the pending job to the new time instead of adding another (a rescheduled notice is
 * published once); a job of that key that already ran stays done.
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
  // a pending job moves; one running now keeps its lease, and runs again at the new time only if
  // this attempt fails
  await tx.job.updateMany({
    where: { uniqueKey: job.uniqueKey, doneAt: null, failedAt: null },
    data: { runAt, payload: job.payload, attempts: 0, lastError: null },
  });
}

/** What an outbox message (a mail, an SMS) names besides its content. */
export type TOutboxMessage = {
  /** an e-mail address, or a normalised mainland mobile number (normaliseMobile) */
  to: string;
  userId?: string | null;
  /** one message per key: queueing again with a key already queued does nothing (a retried mail-out) */
  key?: string;
};

/**
 * Queues the `kind` job that sends one outbox message, in the caller's transaction: `store` keeps the
 * message and returns the job's payload. Returns false, storing nothing, when the key was already queued.
 */
export async function queueOutboxMessage(
  tx: Tx,
  job: { kind: string; uniqueKey?: string; store: () => Promise<Prisma.InputJsonValue> },
): Promise<boolean> {
  const { kind, uniqueKey } = job;
  if (uniqueKey && (await tx.job.findUnique({ where: { uniqueKey }, select: { id: true } }))) return false;
  await enqueueJob(tx, { kind, payload: await job.store(), uniqueKey });
  return true;
}

// the database's clock, as the timestamp-without-zone the columns hold: leases are compared on one
// clock whichever instance wrote them
const dbNow = "(clock_timestamp() AT TIME ZONE 'UTC')";

/**
 * Claims one due job of the kinds this runner knows. `FOR UPDATE SKIP LOCKED` means two runners
 * never claim the same job at once; the lease means a job whose runner died (stopped renewing it)
 * is claimed again once it lapses.
 */
async function claimDueJob(
  prisma: PrismaClient,
  input: { kinds: string[]; now: Date; runnerId: string; leaseMs: number },
): Promise<TJob | null> {
  const [job] = await prisma.$queryRawUnsafe<TJob[]>(
    `UPDATE "Job" SET "lockedAt" = $1, "lockedBy" = $2, "attempts" = "attempts" + 1,
       "lockedUntil" = ${dbNow} + make_interval(secs => $3)
     WHERE "id" = (
       SELECT "id" FROM "Job"
       WHERE "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= $1 AND "kind" = ANY($4)
         AND ("lockedUntil" IS NULL OR "lockedUntil" < ${dbNow})
       ORDER BY "runAt" LIMIT 1
       FOR UPDATE SKIP LOCKED)
     RETURNING "id", "kind", "payload", "runAt", "attempts"`,
    input.now,
    input.runnerId,
    input.leaseMs / 1000,
    input.kinds,
  );
  return job ?? null;
}

/** Renews the lease of a job this runner holds; false when it is no longer the holder. */
async function renewLease(prisma: PrismaClient, id: string, runnerId: string, leaseMs: number) {
  const renewed = await prisma.$executeRawUnsafe(
    `UPDATE "Job" SET "lockedUntil" = ${dbNow} + make_interval(secs => $3)
     WHERE "id" = $1 AND "lockedBy" = $2 AND "doneAt" IS NULL AND "failedAt" IS NULL`,
    id,
    runnerId,
    leaseMs / 1000,
  );
  return renewed > 0;
}

class JobTimeout extends Error {}

/**
 * Runs the handler with its lease renewed while it runs, and gives the attempt up past timeoutMs.
 * An abandoned handler cannot be stopped from outside: its signal is aborted, and whatever it does
 * afterwards is no longer this runner's business (the job is retried from its next attempt).
 */
async function runHeld(
  prisma: PrismaClient,
  job: TJob,
  handler: TJobHandler,
  input: { runnerId: string; leaseMs: number; timeoutMs: number },
): Promise<void> {
  const controller = new AbortController();
  const heartbeat = setInterval(() => {
    renewLease(prisma, job.id, input.runnerId, input.leaseMs).then(
      (held) => {
        if (!held) controller.abort(new Error("lease lost"));
      },
      (error) => console.error(`[jobs] ${job.kind} ${job.id}: lease not renewed`, error),
    );
  }, input.leaseMs / 3);
  heartbeat.unref();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeout(`timed out after ${input.timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, input.timeoutMs);
    timer.unref();
  });
  const running = handler({ db: prisma, payload: job.payload, job, signal: controller.signal });
  // an abandoned handler's late failure is not an unhandled rejection
  running.catch(() => {});
  try {
    await Promise.race([running, timeout]);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timer);
  }
}

/** An outbox row's fields after a failed send: the error kept, and failed for good on the last try. */
function failedSendFields(error: unknown, last: boolean) {
  return {
    error: String((error as Error)?.message ?? error).slice(0, 500),
    failedAt: last ? new Date() : null,
  };
}

/**
 * One attempt of a send job at its outbox message: what `send` answers, or, when it throws, the
 * failure recorded on the message (`record`) and thrown again so the queue retries it later — unless
 * the refusal is `permanent` or this was the job's last attempt: then the message ends as failed,
 * for administrators to send again, and the answer is null.
 */
export async function attemptSend<T>(
  job: { attempts: number },
  attempt: {
    send: () => Promise<T>;
    permanent: (error: unknown) => boolean;
    record: (failed: ReturnType<typeof failedSendFields>) => Promise<unknown>;
  },
): Promise<{ sent: T } | null> {
  try {
    return { sent: await attempt.send() };
  } catch (error) {
    const last = attempt.permanent(error) || job.attempts >= maxJobAttempts;
    await attempt.record(failedSendFields(error, last));
    if (last) return null;
    throw error;
  }
}

/** Puts a job back to run now from its first attempt (an administrator's retry of a dead letter). */
export async function restartJob(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.job.update({
    where: { id },
    data: {
      doneAt: null,
      failedAt: null,
      lockedAt: null,
      lockedBy: null,
      lockedUntil: null,
      attempts: 0,
      runAt: new Date(),
      lastError: null,
    },
  });
}

/** Records a failed attempt: retried later with a growing delay, or a dead letter after the last. */
async function recordFailure(prisma: PrismaClient, job: TJob, runnerId: string, error: unknown) {
  const last = job.attempts >= maxJobAttempts;
  await prisma.job.updateMany({
    where: { id: job.id, lockedBy: runnerId, doneAt: null },
    data: {
      lockedAt: null,
      lockedBy: null,
      lockedUntil: null,
      ...(last
        ? { failedAt: new Date() }
        : { runAt: new Date(Date.now() + 30_000 * 2 ** Math.min(job.attempts, 6)) }),
      lastError: String((error as Error)?.stack ?? error).slice(0, 2000),
    },
  });
  // one line per failure; the stack is in the job's lastError
  console.error(
    `[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}${last ? ", the last" : ""}): ${(error as Error)?.message ?? error}`,
  );
}

/** Claims, runs and settles one job; null when none is due. */
async function runOneJob(
  prisma: PrismaClient,
  input: { handlers: TJobHandlers; now: Date; runnerId: string; leaseMs: number; timeoutMs: number },
): Promise<"done" | "failed" | null> {
  const job = await claimDueJob(prisma, { ...input, kinds: Object.keys(input.handlers) });
  if (!job) return null;
  // a runner died holding the last attempt: nothing is left to try
  if (job.attempts > maxJobAttempts) {
    await recordFailure(prisma, { ...job, attempts: maxJobAttempts }, input.runnerId, "lease expired");
    return "failed";
  }
  try {
    await runHeld(prisma, job, input.handlers[job.kind], input);
  } catch (error) {
    await recordFailure(prisma, job, input.runnerId, error);
    return "failed";
  }
  const settled = await prisma.job.updateMany({
    where: { id: job.id, lockedBy: input.runnerId },
    data: { doneAt: new Date(), lockedAt: null, lockedBy: null, lockedUntil: null, lastError: null },
  });
  if (!settled.count) console.error(`[jobs] ${job.kind} ${job.id} finished after its lease was lost`);
  return "done";
}

/**
 * Claims and runs due jobs of the given kinds until none are left (or `stopped` says so between
 * jobs); returns how many ran to the end. Up to `concurrency` jobs run at a time (JOB_CONCURRENCY,
 * 4 by default): the first lane takes every kind, one job at a time, and the others only the kinds
 * marked `sideBySide` — mail and text messages, which wait on another server (an SMTP relay
 * answers in 0.1–0.2 s a message), so one at a time would hold a mail-out to a few messages a
 * second. Each lane claims its own job under the same lease rules, so several lanes — like several
 * runners — never run a job twice.
 * `now` moves the clock for tests of scheduled work; `runnerId` names the runner in the lease (two
 * in one process are two runners).
 */
export async function drainJobs(
  input: {
    handlers: TJobHandlers;
    now?: () => Date;
    stopped?: () => boolean;
    runnerId?: string;
    concurrency?: number;
  } & TLeaseOptions &
    TDbOption,
): Promise<number> {
  const prisma = await clientOf(input);
  const settings = { ...leaseSettings(input), runnerId: input.runnerId ?? randomUUID() };
  const lanes = Math.max(1, Math.floor(input.concurrency ?? Number(process.env.JOB_CONCURRENCY ?? 4)) || 1);
  const sideBySideHandlers = Object.fromEntries(
    Object.entries(input.handlers).filter(([, handler]) => runsSideBySide(handler)),
  );
  const extraLanes = Object.keys(sideBySideHandlers).length ? lanes - 1 : 0;
  let total = 0;
  const lane = async (handlers: TJobHandlers) => {
    for (;;) {
      const outcome = await runOneJob(prisma, {
        ...settings,
        handlers,
        now: input.now?.() ?? new Date(),
      });
      if (!outcome) return;
      if (outcome === "done") total++;
      if (input.stopped?.()) return;
    }
  };
  await Promise.all([
    lane(input.handlers),
    ...Array.from({ length: extraLanes }, () => lane(sideBySideHandlers)),
  ]);
  return total;
}
