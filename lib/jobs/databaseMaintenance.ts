import "server-only";
import type { PrismaClient } from "../db/generated/client";
import type { TJobHandler } from "./queue";

export const databaseMaintenanceJobKind = "db.maintain";

/**
 * VACUUM (ANALYZE) of every table of the portal's schema, one table at a time.
 *
 * The embedded database has no autovacuum: PGlite is PostgreSQL in one process, without the
 * background workers. Left alone its tables are never analysed, so the planner keeps the
 * estimates of an empty database as cases grow into the millions (the bench's signed-in pages
 * chose sequential scans until it ran this after loading), and the rows that churn all day (jobs,
 * counters, sessions, serial numbers) are never reclaimed. On PostgreSQL autovacuum does the same
 * work; a nightly pass there is the usual belt and braces, and cheap once the visibility map says
 * which pages changed. One statement a table, so the embedded database answers other queries
 * between them instead of once after the whole pass.
 */
export async function maintainDatabase(input: { db: PrismaClient }): Promise<string[]> {
  const tables = await input.db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  for (const { name } of tables)
    await input.db.$executeRawUnsafe(`VACUUM (ANALYZE) "${name.replaceAll('"', '""')}"`);
  return tables.map((table) => table.name);
}

/** The nightly pass, on a timetable (lib/worker/handlers.ts). */
export const databaseMaintenanceHandler: TJobHandler = async ({ db }) => {
  const started = Date.now();
  const tables = await maintainDatabase({ db });
  console.log(`[jobs] vacuumed and analysed ${tables.length} tables in ${Date.now() - started} ms`);
};
