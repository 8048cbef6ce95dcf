/** npm run db:seed: the demo data (embedded database, or PostgreSQL only with SEED_DEMO=1). */
import { connect } from "../../lib/db/connect";
import { databaseTarget } from "../../lib/db/adapter";
import { seedDemo } from "../../prisma/seed/seed";
import { runMain } from "../runMain";

async function main() {
  const target = databaseTarget();
  if (target.kind === "postgres" && process.env.SEED_DEMO !== "1") {
    console.log("PostgreSQL: demo data is seeded only with SEED_DEMO=1");
    return;
  }
  const { prisma, close } = await connect(target);
  try {
    const started = Date.now();
    await seedDemo(prisma, (line) => console.log(`  ${line}`));
    console.log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await close();
  }
}

runMain(main);
