import { PrismaClient } from "./generated/client";
import { openAdapter, databaseTarget, type DatabaseTarget } from "./adapter";

export type Connection = { prisma: PrismaClient; close: () => Promise<void> };

/** A Prisma client with its own adapter, for scripts and tests; close it when done. */
export async function connect(target: DatabaseTarget = databaseTarget()): Promise<Connection> {
  const adapter = await openAdapter(target);
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}
