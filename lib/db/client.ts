import "server-only";
import type { PrismaClient } from "./generated/client";
import { connect, type Connection } from "./connect";
import { databaseTarget } from "./adapter";

const globalHolder = globalThis as unknown as {
  __onestopDb?: Promise<PrismaClient>;
  /** the whole connection, so that whoever ends the process (or a test) can close its pool */
  __onestopReplica?: Promise<Connection>;
};

/**
 * The server's Prisma client, created on first use (so `next build` never opens the data
 * directory). One per process: a PGlite directory allows a single opener.
 */
function db(): Promise<PrismaClient> {
  globalHolder.__onestopDb ??= connect().then(
    (connection) => connection.prisma,
    (error) => {
      // do not keep a failed first connection: the next request tries again
      globalHolder.__onestopDb = undefined;
      throw error;
    },
  );
  return globalHolder.__onestopDb;
}

/** The server's client if this process has opened it; nothing is opened here (a stopping server). */
export function openedClient(): Promise<PrismaClient> | undefined {
  return globalHolder.__onestopDb;
}

/** What every lib function that reads or writes accepts: its own client, for tests and transactions. */
export type TDbOption = { db?: PrismaClient };

/**
 * The client a lib function works with: the one it was given, or the server's. Every exported
 * read and use case in lib/<domain>/ takes `{ …, db? }` and resolves it through this.
 */
export function clientOf(input: TDbOption): Promise<PrismaClient> {
  return input.db ? Promise.resolve(input.db) : db();
}

/**
 * The client for public reads and search: a read replica when DATABASE_REPLICA_URL is set (with a
 * PostgreSQL DATABASE_URL), else the server's own. A replica lags the primary a little, so this is
 * only for what every visitor sees alike (catalogues, documents, notices, search, sitemap) — never
 * for a read after the reader's own write, a permission check, or a count that limits something.
 */
export function publicReadClientOf(input: TDbOption): Promise<PrismaClient> {
  const url = process.env.DATABASE_REPLICA_URL?.trim();
  if (input.db || !url || databaseTarget().kind !== "postgres") return clientOf(input);
  globalHolder.__onestopReplica ??= connect({ kind: "postgres", url }).catch((error: unknown) => {
    globalHolder.__onestopReplica = undefined;
    throw error;
  });
  return globalHolder.__onestopReplica.then((connection) => connection.prisma);
}
