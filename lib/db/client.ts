import "server-only";
import type { PrismaClient } from "./generated/client";
import { connect } from "./connect";

const globalHolder = globalThis as unknown as { __onestopDb?: Promise<PrismaClient> };

/**
 * The server's Prisma client, created on first use (so `next build` never opens the data
 * directory). One per process: a PGlite directory allows a single opener.
 */
export function db(): Promise<PrismaClient> {
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
