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
  return (
    String((error as Error | null)?.message ?? error)
      .trim()
      .split("\n")
      .pop() ?? ""
  );
}

/** A Prisma error: only these say anything about the database (another service's lost connection is not one). */
function isPrismaError(error: unknown): error is Error & { code?: unknown; meta?: unknown } {
  return error instanceof Error && error.name.startsWith("PrismaClient");
}

/**
 * Prisma could not reach the database (P1001), or the database ended the call's connection
 * (P1017, or the server's own class 08 / 57P01–57P03 code under the driver adapter's error): a
 * restart, a failover, an outage. Unlike databaseUnavailable (which start-up reads from any layer),
 * only Prisma's errors count: an S3 or SMTP connection refused is not the database.
 */
export function databaseUnreachable(error: unknown): boolean {
  if (!isPrismaError(error)) return false;
  if (error.code === "P1001" || error.code === "P1017") return true;
  const cause = (
    error.meta as { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } }
  )?.driverAdapterError?.cause;
  return [cause?.code, cause?.originalCode].some(
    (code) => typeof code === "string" && /^(?:08\d{3}|57P0[1-3])$/.test(code),
  );
}

/**
 * The database was never reached (P1001: no connection could be opened), so this call wrote
 * nothing; a connection lost during a call (P1017, 57P01…) may have been lost after a commit.
 */
export function databaseNeverReached(error: unknown): boolean {
  return isPrismaError(error) && error.code === "P1001";
}
