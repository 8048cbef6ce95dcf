/**
 * Prepares an embedded database for a spec that needs staff accounts the demo does not have:
 * migrations, the demo data, and the accounts named on the command line — caseworkers of 人社局
 * with the demo password and no authenticator yet, as an administrator would create them.
 * Run before the instance that serves the directory starts (one opener at a time).
 *   tsx tests/e2e/helpers/fresh-staff.ts a@example.cn b@example.cn   (ONESTOP_DATA_DIR set)
 */
import { openAdapter, databaseTarget } from "../../../lib/db/adapter";
import { deployMigrations } from "../../../lib/db/migrations";
import { PrismaClient } from "../../../lib/db/generated/client";
import { hashPassword } from "../../../lib/auth/password";
import { seedDemo } from "../../../prisma/seed/seed";
import { demoPassword } from "../../../prisma/seed/demo-accounts";
import { runMain } from "../../../scripts/runMain";

runMain(async () => {
  const adapter = await openAdapter(databaseTarget(), { poolSize: 1 });
  try {
    await deployMigrations(adapter.factory);
    const prisma = new PrismaClient({ adapter: adapter.factory });
    await seedDemo(prisma);
    const department = await prisma.department.findUniqueOrThrow({ where: { code: "RSJ" } });
    for (const email of process.argv.slice(2))
      await prisma.user.create({
        data: {
          email,
          name: "新同事",
          accountType: "STAFF",
          passwordHash: await hashPassword(demoPassword),
          grants: { create: { role: "CASEWORKER", departmentId: department.id } },
        },
      });
    await prisma.$disconnect();
  } finally {
    await adapter.close();
  }
});
