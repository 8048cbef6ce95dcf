import "server-only";
import { db } from "../db/client";
import { claimDueJobs, runJobs } from "./queue";
import { jobHandlers } from "./handlers";

let running: { stop: () => Promise<void> } | null = null;

/**
 * The job runner inside each app instance: every `pollMs` it claims due jobs and runs them.
 * Jobs live in the database, so a job scheduled while the server was stopped runs once it is
 * back, and two instances share the work without running a job twice (claimDueJobs).
 */
export function startJobRunner({
  pollMs = Number(process.env.JOB_POLL_MS ?? 5000),
}: { pollMs?: number } = {}): { stop: () => Promise<void> } {
  if (running) return running;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const prisma = await db();
      for (;;) {
        const jobs = await claimDueJobs(prisma, Object.keys(jobHandlers));
        if (!jobs.length || stopped) break;
        await runJobs(prisma, jobs, jobHandlers);
      }
    } catch (error) {
      console.error("[jobs] runner tick failed", error);
    }
  };
  const timer = setInterval(() => {
    current = current.then(tick);
  }, pollMs);
  timer.unref();
  current = current.then(tick);
  running = {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
      running = null;
    },
  };
  return running;
}
