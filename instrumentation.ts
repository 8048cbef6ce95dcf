/**
 * Runs once when a server instance starts: the job runner (scheduled notices, expiry,
 * subscription mail) lives inside every instance; ONESTOP_JOBS=off leaves it out.
 */
export async function register() {
  if (
    process.env.NEXT_RUNTIME !== "nodejs" ||
    process.env.ONESTOP_JOBS === "off" ||
    process.env.NEXT_PHASE === "phase-production-build"
  )
    return;
  const { startJobRunner } = await import("./lib/jobs/runner");
  startJobRunner();
}
