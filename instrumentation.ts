/**
 * Runs once when a server instance starts. The embedded database's dump socket, so that
 * `npm run db:backup` can copy the database this server holds open (see lib/backup/dumpSocket.ts).
 * The limits proxy.ts applies before rendering a page (lib/throttle/pageGate.ts).
 * The job runner (scheduled notices, expiry, subscription mail, the daily retention purge) lives inside every instance;
 * ONESTOP_JOBS=off leaves it out. The runner knows no domain: each domain that queues work
 * exports its handlers, and they are handed over here.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await serveEmbeddedDumps();
  (await import("./lib/throttle/servePageGate")).servePageGate();
  if (process.env.ONESTOP_JOBS === "off") return;
  const [{ startJobRunner }, notices, mail, audit, users, retention] = await Promise.all([
    import("./lib/jobs/runner"),
    import("./lib/notices/jobs"),
    import("./lib/mail/jobs"),
    import("./lib/audit/refusals"),
    import("./lib/users/jobs"),
    import("./lib/retention/jobs"),
  ]);
  startJobRunner({
    handlers: {
      ...notices.noticeJobHandlers,
      ...mail.mailJobHandlers,
      ...audit.auditJobHandlers,
      ...users.userJobHandlers,
      ...retention.retentionJobHandlers,
    },
  });
  // the daily purge of what is past its retention period; a no-op when it is already queued
  await retention.scheduleRetention({}).catch((error: unknown) => {
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
