import "server-only";
import type { TJobHandlers } from "../jobs/queue";
import { recomputeProvisionalDeadlines } from "./recomputeDeadlines";

export const recomputeJob = "calendar.recompute";

/**
 * Provisional deadlines become real once the calendar knows their year: a new `chinese-days`
 * release arrives with a deployment, so a daily run (and each calendar override, at once)
 * recomputes them.
 */
export const calendarJobHandlers: TJobHandlers = {
  [recomputeJob]: async ({ db, job }) => {
    await recomputeProvisionalDeadlines({ db, now: job.runAt });
  },
};
