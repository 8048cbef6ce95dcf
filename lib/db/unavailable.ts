/**
 * PostgreSQL restarting, failing over or not yet accepting connections: worth another try, not
 * a failure. Matches what the pg driver, the adapter and Prisma's schema engine each report
 * (the engine says "Server has closed the connection", P1017, when a restart cuts a migration).
 */
const unavailable =
  /57P01|57P02|57P03|ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|Server has closed the connection|P1001|P1017|the database system is (?:starting up|shutting down|in recovery mode)/;

export function databaseUnavailable(error: unknown): boolean {
  let detail = "";
  try {
    detail = JSON.stringify(error);
  } catch {
    // a circular error object: its stack and message are enough
  }
  return unavailable.test(`${String((error as Error)?.stack ?? error)} ${detail}`);
}
