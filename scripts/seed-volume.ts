/**
 * npm run seed:volume -- --documents 100000 --notices 20000 --cases 1000000
 *
 * Fills the database (the embedded one in $ONESTOP_DATA_DIR/pglite, or DATABASE_URL) with
 * made-up volume for benchmarks; the demo data must be there first (npm start or db:seed).
 * Restartable: run it again with the same arguments and it continues where it stopped. Stop
 * the server first when the database is the embedded one (one process per PGlite directory).
 * Run with `--conditions=react-server` (the npm script does) so lib/ modules marked
 * `server-only` can be imported.
 */
import { connect } from "../lib/db/connect";
import { databaseTarget } from "../lib/db/adapter";
import { parseVolumeArgs, volumeUsage, type TVolumeOptions } from "./volume/args";
import { GenerationStopped, generateVolume } from "./volume/generate";
import { runMain } from "./runMain";

async function main() {
  let options: TVolumeOptions;
  try {
    options = parseVolumeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${volumeUsage}`);
    process.exitCode = 2;
    return;
  }
  const target = databaseTarget();
  console.log(
    `[seed:volume] ${target.kind === "postgres" ? "PostgreSQL" : `embedded database ${target.dir ?? "(memory)"}`}: ${options.documents} documents, ${options.notices} notices, ${options.cases} cases`,
  );
  // stop between batches, so the database is left consistent and a rerun resumes; a second signal forces it
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) process.exit(130);
      console.log(`[seed:volume] ${signal}: stopping after the current batch`);
      stop.abort();
    });
  }
  const { prisma, close } = await connect(target);
  try {
    const result = await generateVolume(prisma, options, {
      log: (line) => console.log(`[seed:volume] ${line}`),
      stop: stop.signal,
    });
    console.log(`[seed:volume] done in ${result.seconds.toFixed(1)} s`);
  } catch (error) {
    if (!(error instanceof GenerationStopped)) throw error;
    console.log(`[seed:volume] ${error.message}`);
    process.exitCode = 130;
  } finally {
    await close();
  }
}

runMain(main);
