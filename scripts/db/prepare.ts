/**
 * Before the server starts: apply pending migrations and, on a fresh embedded database (or a
 * fresh PostgreSQL with SEED_DEMO=1), seed the demo data; `npm run db:seed` re-seeds on demand. One process that exits before
 * the server opens the PGlite directory; both open it under the lock npm start holds.
 */
import { openAdapter, directDatabaseTarget } from "../../lib/db/adapter";
import { deployMigrations } from "../../lib/db/migrations";
import { PrismaClient } from "../../lib/db/generated/client";
import { seedDemo } from "../../prisma/seed/seed";
import { databaseUnavailable } from "../../lib/db/unavailable";
import { runMain } from "../runMain";

const retryForMs = 60_000;

/**
 * An instance that starts while PostgreSQL restarts (as in a rolling restart or a failover) waits
 * for it instead of exiting: the steps below can all run again (applied migrations are skipped,
 * the seed only fills an empty database and updates by key).
 */
async function main() {
  const giveUpAt = Date.now() + retryForMs;
  for (;;) {
    try {
      return await prepare();
    } catch (error) {
      if (directDatabaseTarget().kind !== "postgres" || Date.now() > giveUpAt) throw error;
      if (!databaseUnavailable(error)) throw error;
      console.log("[onestop] the database is not available yet; trying again in a second");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function prepare() {
  const target = directDatabaseTarget();
  const adapter = await openAdapter(target, { poolSize: 1 });
  try {
    const applied = await deployMigrations(adapter.factory);
    if (applied.length) console.log(`[onestop] migrations applied: ${applied.join(", ")}`);
    const prisma = new PrismaClient({ adapter: adapter.factory });
    // only a fresh database gets the demo data: the embedded one by default, PostgreSQL with SEED_DEMO=1
    const empty = (await prisma.department.count()) === 0;
    const wanted =
      empty && (process.env.SEED_DEMO === "1" || (target.kind === "pglite" && process.env.SEED_DEMO !== "0"));
    if (wanted) {
      const started = Date.now();
      await seedDemo(prisma);
      console.log(`[onestop] demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await prisma.$disconnect();
  } finally {
    await adapter.close();
  }
}

runMain(main);
