/**
 * npm run db:migrate            apply pending migrations to DATABASE_URL (or ./data embedded)
 * npm run db:migration -- NAME  author a migration from the schema change (on an in-memory PGlite)
 */
import { openAdapter, directDatabaseTarget } from "../../lib/db/adapter";
import { runMain } from "../runMain";
import { deployMigrations, diffMigrations, writeMigration } from "../../lib/db/migrations";

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const adapter = await openAdapter(directDatabaseTarget(), { poolSize: 1 });
    try {
      const applied = await deployMigrations(adapter.factory);
      const where = directDatabaseTarget().kind === "postgres" ? "PostgreSQL" : "embedded database";
      console.log(
        applied.length
          ? `migrations applied to the ${where}: ${applied.join(", ")}`
          : `${where} is up to date`,
      );
    } finally {
      await adapter.close();
    }
  } else if (command === "create" && name) {
    const scratch = await openAdapter({ kind: "pglite", dir: null });
    try {
      const sql = await diffMigrations(scratch.factory);
      if (!sql) console.log("schema and migrations agree: nothing to write");
      else console.log(`wrote ${writeMigration(name, sql)}`);
    } finally {
      await scratch.close();
    }
  } else {
    console.error("usage: migrate.ts deploy | create NAME");
    process.exitCode = 2;
  }
}

// the engine and PGlite keep timers alive: runMain leaves explicitly
runMain(main);
