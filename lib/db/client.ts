import "server-only";
import type { PrismaClient } from "./generated/client";
import { connect } from "./connect";

const globalHolder = globalThis as unknown as { __onestopDb?: Promise<PrismaClient> };

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

/** What every lib function that reads or writes accepts: its own client, for tests and transactions. */
export type TDbOption = { db?: PrismaClient };

/**
 * The client a lib function works with: the one it was given, or the server's. Every exported
 * read and use case in lib/<domain>/ takes `{ …, db? }` and resolves it through this.
 */
export function clientOf(input: TDbOption): Promise<PrismaClient> {
  return input.db ? Promise.resolve(input.db) : db();
}
