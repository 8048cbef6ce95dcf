import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { enqueueJob, type TJobHandler, type TJobHandlers } from "../jobs/queue";
import { purgeExpired } from "./purgeExpired";

export const retentionJob = "retention.purge";

/** The purge runs once a day at 03:00 China time (UTC+8, no daylight saving), when the portal is quiet. */
const runHourUtc = 19;

/** The first 03:00 China time after `after`. */
export function nextRetentionRun(after: Date): Date {
  const next = new Date(after);
  next.setUTCHours(runHourUtc, 0, 0, 0);
  if (next <= after) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Queues the next daily purge; one job a day whatever calls this (each instance at start-up, and
 * each run for the next): the day is its unique key.
 */
export async function scheduleRetention(input: { after?: Date } & TDbOption): Promise<void> {
  const runAt = nextRetentionRun(input.after ?? new Date());
  await enqueueJob(await clientOf(input), {
    kind: retentionJob,
    payload: {},
    runAt,
    uniqueKey: `${retentionJob}:${runAt.toISOString().slice(0, 10)}`,
  });
}

/**
 * One day's purge. Periods are counted back from the time the job was due, not from when a
 * runner got to it, so a run is the same whenever it happens (and tests move the clock with the
 * queue's `now`); then the next day's run is queued.
 */
const purgeRun: TJobHandler = async ({ db, job }) => {
  await purgeExpired({ db, now: job.runAt });
  const latest = new Date(Math.max(job.runAt.getTime(), Date.now()));
  await scheduleRetention({ db, after: latest });
};

export const retentionJobHandlers: TJobHandlers = { [retentionJob]: purgeRun };
