import { PrismaClient } from "./generated/client";
import { openAdapter, databaseTarget, markEmbedded, type DatabaseTarget } from "./adapter";

export type Connection = { prisma: PrismaClient; close: () => Promise<void> };

/** A Prisma client with its own adapter, for scripts and tests; close it when done. */
export async function connect(target: DatabaseTarget = databaseTarget()): Promise<Connection> {
  const adapter = await openAdapter(target);
  const prisma = new PrismaClient({
    adapter: adapter.factory,
    ...(process.env.ONESTOP_QUERY_LOG === "1"
      ? { log: [{ emit: "event" as const, level: "query" as const }] }
      : {}),
  });
  if (target.kind === "pglite") markEmbedded(prisma);
  // a diagnostic: each query's time and text on stderr, to see what a page asks
  if (process.env.ONESTOP_QUERY_LOG === "1")
    (
      prisma as unknown as { $on: (e: "query", f: (q: { duration: number; query: string }) => void) => void }
    ).$on("query", (q) => console.error(`[query] ${q.duration} ms ${q.query}`));
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}
