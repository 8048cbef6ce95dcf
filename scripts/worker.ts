/**
 * npm run worker: the job runner alone, without HTTP. Web instances started with ONESTOP_JOBS=off
 * leave background work (scheduled publication, mail, housekeeping) to it; it runs the very
 * handlers the instances would (lib/worker/handlers.ts). On SIGTERM or SIGINT it lets the job in
 * hand finish (a job still running after WORKER_STOP_GRACE_MS is left to its lease: another
 * runner retries it once the lease lapses), closes the database and exits 0.
 */
import type { PrismaClient } from "../lib/db/generated/client";
import { connect } from "../lib/db/connect";
import { directDatabaseTarget } from "../lib/db/adapter";
import { startContentChannel } from "../lib/cache/contentChannel";
import { DataDirError } from "../lib/db/dataDirLock";
import { startJobRunner } from "../lib/jobs/runner";
import { jobHandlers, jobSchedules } from "../lib/worker/handlers";
import { requireNode } from "./requireNode";

requireNode();

const connection = await connect().catch((error: unknown) => {
  console.error(error instanceof DataDirError ? `[onestop] ${error.message}` : error);
  process.exit(1);
});
// lib functions called without a client of their own (clientOf) use this one, as in the server
(globalThis as unknown as { __onestopDb?: Promise<PrismaClient> }).__onestopDb = Promise.resolve(
  connection.prisma,
);
// a notice the worker publishes drops the instances' cached pages, as an edit on one of them does
const target = directDatabaseTarget();
const channel =
  target.kind === "postgres" ? startContentChannel({ url: target.url, onChange: () => {} }) : null;
const runner = startJobRunner({ db: connection.prisma, handlers: jobHandlers, schedules: jobSchedules });
console.log(`[onestop] worker ready: ${Object.keys(jobHandlers).length} kinds of job (pid ${process.pid})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[onestop] worker stopping (${signal})`);
  const grace = Number(process.env.WORKER_STOP_GRACE_MS ?? 25_000);
  setTimeout(() => {
    console.error(
      "[onestop] worker: a job is still running; its lease will lapse and another runner retries it",
    );
    process.exit(0);
  }, grace).unref();
  await runner.stop();
  await channel?.close();
  await connection.close();
  console.log("[onestop] worker stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
