/**
 * PostgreSQL restarting, failing over or not yet accepting connections: worth another try, not
 * a failure. What reports it differs by layer — the pg driver (an error code: class 08, connection
 * exception, or 57P01–57P03, operator intervention), Prisma's driver adapter (the server's
 * message, its code sometimes lost), the schema engine ("Server has closed the connection",
 * P1017) — so the code, the message and every `cause` below them are read.
 */
const unavailableCodes = /^(?:08\d{3}|57P0[1-3]|P1001|P1017|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/;
const unavailableMessages =
  /terminating connection due to (?:administrator command|unexpected postmaster exit)|the database system is (?:starting up|shutting down|in recovery mode|not yet accepting connections)|Server has closed the connection|server closed the connection unexpectedly|Connection terminated|Can't reach database server|ECONNREFUSED|ECONNRESET|EPIPE/i;

export function databaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || depth > 5) return false;
  if (typeof error !== "object") return unavailableMessages.test(String(error));
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && unavailableCodes.test(code)) return true;
  if (typeof message === "string" && unavailableMessages.test(message)) return true;
  return databaseUnavailable(cause, depth + 1);
}

/**
 * The database could not take the call in time: Prisma gave up waiting to start a transaction
 * (P2028 with this message; the same code also covers a transaction that ran past its own time,
 * which is a bug and stays a 500). On the embedded database its one connection is held by a long
 * statement; on PostgreSQL every pooled connection is busy. Recognised by shape, not class: each
 * route's chunk may hold its own copy of the client.
 */
export function databaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error &&
    code === "P2028" &&
    /Unable to start a transaction in the given time/.test(error.message)
  );
}

/** What a busy or unreachable database's error says, for the log: the last line of Prisma's message (no user input). */
export function busyReason(error: unknown): string {
  return (error as Error).message.trim().split("\n").pop() ?? "";
}
