import "server-only";
import { maintainDatabase } from "../db/maintenance";
import type { TJobHandler } from "./queue";

export const databaseMaintenanceJobKind = "db.maintain";

/** The nightly VACUUM (ANALYZE) of every table, on a timetable (lib/worker/handlers.ts). */
export const databaseMaintenanceHandler: TJobHandler = async ({ db }) => {
  const started = Date.now();
  const tables = await maintainDatabase({ db });
  console.log(`[jobs] vacuumed and analysed ${tables.length} tables in ${Date.now() - started} ms`);
};
