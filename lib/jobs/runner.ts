import "server-only";
import type { TDbOption } from "../db/client";
import { drainJobs, type TJobHandlers } from "./queue";

let running: { stop: () => Promise<void> } | null = null;

/**
 * The job runner inside each app instance: every `pollMs` it claims due jobs of the kinds in
 * `handlers` and runs them. Jobs live in the database, so a job scheduled while the server was
 * stopped runs once it is back, and two instances share the work without running a job twice.
 */
export function startJobRunner(input: { handlers: TJobHandlers; pollMs?: number } & TDbOption): {
  stop: () => Promise<void>;
} {
  if (running) return running;
  const pollMs = input.pollMs ?? Number(process.env.JOB_POLL_MS ?? 5000);
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      await drainJobs({ db: input.db, handlers: input.handlers, stopped: () => stopped });
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
