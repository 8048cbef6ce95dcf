import type { PrismaClient } from "./generated/client";

/**
 * VACUUM (ANALYZE) of every table of the portal's schema, one table at a time: the nightly job
 * (lib/jobs/databaseMaintenance.ts) and the bench after its bulk load.
 *
 * The embedded database has no autovacuum: PGlite is PostgreSQL in one process, without the
 * background workers. Left alone its tables are never analysed, so the planner keeps an empty
 * database's estimates and has no visibility map as cases grow into the millions (the bench
 * measured plans no real database would choose until it ran this after loading), and the rows
 * that churn all day (jobs, counters, sessions, serial numbers) are never reclaimed. On PostgreSQL
 * autovacuum does the same work; a nightly pass there is the usual belt and braces, and cheap
 * once the visibility map says which pages changed. One statement a table, so the embedded
 * database answers other queries between them instead of once after the whole pass.
 */
export async function maintainDatabase(input: { db: PrismaClient }): Promise<string[]> {
  const tables = await input.db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  for (const { name } of tables)
    await input.db.$executeRawUnsafe(`VACUUM (ANALYZE) "${name.replaceAll('"', '""')}"`);
  return tables.map((table) => table.name);
}
