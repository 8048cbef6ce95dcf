/**
 * Runs once when a server instance starts. The embedded database's dump socket, so that
 * `npm run db:backup` can copy the database this server holds open (see lib/backup/dumpSocket.ts).
 * The limits proxy.ts applies before rendering a page (lib/throttle/pageGate.ts).
 * On PostgreSQL, the channel on which instances drop one another's cached pages after an edit.
 * The job runner (scheduled notices, expiry, mail, housekeeping, the daily retention purge) lives inside every instance;
 * ONESTOP_JOBS=off leaves it out (when `npm run worker` runs the jobs instead). The handlers
 * are the worker's (lib/worker/handlers.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await serveEmbeddedDumps();
  (await import("./lib/throttle/servePageGate")).servePageGate();
  await listenForContentChanges();
  if (process.env.ONESTOP_JOBS === "off") return;
  const [{ startJobRunner }, { jobHandlers, jobSchedules }] = await Promise.all([
    import("./lib/jobs/runner"),
    import("./lib/worker/handlers"),
  ]);
  startJobRunner({ handlers: jobHandlers, schedules: jobSchedules });
  // the daily purge of what is past its retention period queues the next day's run itself; this
  // queues the first (a no-op when it is already queued)
  const { scheduleRetention } = await import("./lib/retention/jobs");
  await scheduleRetention({}).catch((error: unknown) => {
    console.error("[retention] could not schedule the daily purge", error);
  });
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

/** On PostgreSQL, an edit on any instance drops the cached pages and kept reads of this one (LISTEN/NOTIFY). */
async function listenForContentChanges() {
  const [
    { directDatabaseTarget },
    { startContentChannel },
    { invalidatePages, pageStore },
    { dropKeptReads },
  ] = await Promise.all([
    import("./lib/db/adapter"),
    import("./lib/cache/contentChannel"),
    import("./lib/cache/pageStore"),
    import("./lib/cache/keptReads"),
  ]);
  const target = directDatabaseTarget();
  if (target.kind !== "postgres") return;
  startContentChannel({
    url: target.url,
    onChange: () => {
      invalidatePages(pageStore());
      dropKeptReads();
    },
  });
}
