/**
 * Runs once when a server instance starts. The embedded database's dump socket, so that
 * `npm run db:backup` can copy the database this server holds open (see lib/backup/dumpSocket.ts).
 * The job runner (scheduled notices, expiry, mail, housekeeping) lives inside every instance;
 * ONESTOP_JOBS=off leaves it out (when `npm run worker` runs the jobs instead). The handlers
 * are the worker's (lib/worker/handlers.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await serveEmbeddedDumps();
  if (process.env.ONESTOP_JOBS === "off") return;
  const [{ startJobRunner }, { jobHandlers, jobSchedules }] = await Promise.all([
    import("./lib/jobs/runner"),
    import("./lib/worker/handlers"),
  ]);
  startJobRunner({ handlers: jobHandlers, schedules: jobSchedules });
}

async function serveEmbeddedDumps() {
  const [{ databaseTarget }, { serveDumps }, { clientOf }] = await Promise.all([
    import("./lib/db/adapter"),
    import("./lib/backup/dumpSocket"),
    import("./lib/db/client"),
  ]);
  const target = databaseTarget();
  if (target.kind !== "pglite" || !target.dir) return;
  try {
    await serveDumps(target.dir, () => clientOf({}));
  } catch (error) {
    // the portal still serves; only a backup while it runs is not possible
    console.warn(`[onestop] no backup socket beside ${target.dir}: ${String(error)}`);
  }
}
