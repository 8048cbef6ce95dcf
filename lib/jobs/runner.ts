import "server-only";
import { randomUUID } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import { queueScheduledJobs, type TJobSchedule } from "./cron";
import { drainJobs, type TJobHandlers, type TLeaseOptions } from "./queue";

let running: { stop: () => Promise<void> } | null = null;

/**
 * The job runner inside an app instance or the worker process: every `pollMs` it queues the next
 * run of each schedule and claims due jobs of the kinds in `handlers`, one at a time. Jobs live in
 * the database, so a job scheduled while the server was stopped runs once it is back, and several
 * instances share the work without running a job twice. `stop()` lets the job in hand finish.
 */
export function startJobRunner(
  input: { handlers: TJobHandlers; schedules?: TJobSchedule[]; pollMs?: number } & TLeaseOptions & TDbOption,
): { stop: () => Promise<void> } {
  if (running) return running;
  const pollMs = input.pollMs ?? Number(process.env.JOB_POLL_MS ?? 5000);
  const runnerId = randomUUID();
  let stopped = false;
  let current: Promise<void>;
  const tick = async () => {
    if (stopped) return;
    try {
      const queueNextRuns = async () => {
        if (input.schedules?.length)
          await queueScheduledJobs({ db: await clientOf(input), schedules: input.schedules });
      };
      await queueNextRuns();
      // a scheduled run that just finished gets its successor now, not one poll later
      if ((await drainJobs({ ...input, runnerId, stopped: () => stopped })) > 0) await queueNextRuns();
    } catch (error) {
      console.error("[jobs] runner tick failed", error);
    }
  };
  // the next tick is set when one ends, so a long job never piles ticks up behind it
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    await tick();
    if (stopped) return;
    timer = setTimeout(() => (current = loop()), pollMs);
    timer.unref();
  };
  current = loop();
  running = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
      running = null;
    },
  };
  return running;
}
