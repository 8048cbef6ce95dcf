/**
 * Runs once when a server instance starts: the job runner (scheduled notices, expiry,
 * subscription mail) lives inside every instance; ONESTOP_JOBS=off leaves it out. The runner
 * knows no domain: each domain that queues work exports its handlers, and they are handed over here.
 */
export async function register() {
  if (
    process.env.NEXT_RUNTIME !== "nodejs" ||
    process.env.ONESTOP_JOBS === "off" ||
    process.env.NEXT_PHASE === "phase-production-build"
  )
    return;
  const [{ startJobRunner }, { noticeJobHandlers }, { userJobHandlers }] = await Promise.all([
    import("./lib/jobs/runner"),
    import("./lib/notices/jobs"),
    import("./lib/users/jobs"),
  ]);
  startJobRunner({ handlers: { ...noticeJobHandlers, ...userJobHandlers } });
}
