import "server-only";
import type { PrismaClient } from "../db/generated/client";
import type { TJobHandler } from "./queue";

const hourMs = 3600_000;
/**
 * Never less than this: recent jobs are counted (the subscription mail limit counts an address's
 * confirmation mails of the last hour by their jobs), and a singleton key or a timetable slot keeps
 * a repeat out only while its finished row exists.
 */
const minimumKeepMs = hourMs;

const envHours = (name: string, fallback: number | null) => {
  const value = Number(process.env[name]);
  const hours = Number.isFinite(value) && value > 0 ? value : fallback;
  return hours === null ? null : hours * hourMs;
};

/**
 * Removes finished jobs: dead letters after JOB_KEEP_FAILED_HOURS (30 days by default), and done
 * ones only when JOB_KEEP_DONE_HOURS (or `keepDoneMs`) is set, both at least an hour. Done jobs
 * are otherwise purged by the daily retention run after the administrators' `finishedJobDays`
 * (lib/retention/purgeExpired.ts, audited with its count). Until then they stay as the record of
 * what ran (done) and what administrators may still retry (failed). Returns how many went.
 */
export async function cleanupJobs(input: {
  db: PrismaClient;
  now?: Date;
  keepDoneMs?: number;
  keepFailedMs?: number;
}): Promise<number> {
  const now = (input.now ?? new Date()).getTime();
  const keepDoneSetting = input.keepDoneMs ?? envHours("JOB_KEEP_DONE_HOURS", null);
  const keepFailed = Math.max(
    minimumKeepMs,
    input.keepFailedMs ?? envHours("JOB_KEEP_FAILED_HOURS", 30 * 24) ?? 0,
  );
  const done =
    keepDoneSetting === null
      ? []
      : [{ doneAt: { lt: new Date(now - Math.max(minimumKeepMs, keepDoneSetting)) } }];
  const { count } = await input.db.job.deleteMany({
    where: { OR: [...done, { failedAt: { lt: new Date(now - keepFailed) } }] },
  });
  return count;
}

export const cleanupJobKind = "jobs.cleanup";

/** The queue's own housekeeping, run on a timetable (lib/worker/handlers.ts). */
export const cleanupJobsHandler: TJobHandler = async ({ db }) => {
  const removed = await cleanupJobs({ db });
  if (removed) console.log(`[jobs] removed ${removed} finished jobs`);
};
