/**
 * Fills a database with made-up documents, notices and cases for benchmarks, in batches of
 * multi-row INSERTs, one transaction per batch together with the serial tables it advances
 * (IndexSerial for 索引号, DailySerial for 办件编号), so publishing and submitting afterwards
 * continue the numbering. Generated rows have ids starting `vol-`: a second run counts them and
 * resumes after the last committed batch, making exactly the rows a single run would have.
 */
import type { PrismaClient } from "../../lib/db/generated/client";
import { chinaDay } from "../../lib/calendar/workdays";
import { rebuildSearchIndex } from "../../lib/search/index";
import type { TVolumeOptions } from "./args";
import { readTableTypes } from "./insert";
import type { TLog, TRun } from "./batches";
import { writeDocuments } from "./writeDocuments";
import { writeNotices } from "./writeNotices";
import { writeCases } from "./writeCases";

export { GenerationStopped } from "./batches";

const settingKey = "volumeGenerator";

export type TVolumeResult = {
  documents: number;
  notices: number;
  cases: number;
  events: number;
  /** entries in the rebuilt search index (null when --skip-search-index) */
  searchEntries: number | null;
  seconds: number;
};

/** The run's seed and end day, kept in the database so a resumed run makes the same rows. */
async function runSettings(prisma: PrismaClient, options: TVolumeOptions): Promise<TRun> {
  const stored = await prisma.siteSetting.findUnique({ where: { key: settingKey } });
  if (stored) {
    const value = stored.value as { seed: number; endDay: string };
    if (value.seed !== options.seed)
      throw new Error(
        `this database was generated with --seed ${value.seed}; resume with the same seed or use a fresh database`,
      );
    return value;
  }
  // up to yesterday by default, so no generated moment lies in the future
  const value = {
    seed: options.seed,
    endDay: options.endDay ?? chinaDay(new Date(Date.now() - 24 * 3600_000)),
  };
  await prisma.siteSetting.create({ data: { key: settingKey, value } });
  return value;
}

async function rebuildIndex(prisma: PrismaClient, log: TLog): Promise<number> {
  const started = Date.now();
  let lastLog = 0;
  const indexed = await rebuildSearchIndex({
    db: prisma,
    onProgress: (done, total) => {
      if (Date.now() - lastLog < 2000 && done < total) return;
      lastLog = Date.now();
      log(`  search index ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
    },
  });
  log(
    `  search index rebuilt: ${indexed.toLocaleString("en")} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return indexed;
}

/**
 * Generates up to the requested counts (resuming where an earlier run stopped), then rebuilds the
 * search index. Aborting `stop` ends the run between batches with GenerationStopped.
 */
export async function generateVolume(
  prisma: PrismaClient,
  options: TVolumeOptions,
  { log = () => {}, stop }: { log?: TLog; stop?: AbortSignal } = {},
): Promise<TVolumeResult> {
  const started = Date.now();
  // the catalog first: a table the migrations do not have fails here, before any row is written
  const types = await readTableTypes(prisma);
  const run = await runSettings(prisma, options);
  log(`seed ${run.seed}, ten years up to ${run.endDay}`);
  const generation = { prisma, options, run, types, log, stop };
  await writeDocuments(generation);
  await writeNotices(generation);
  const events = await writeCases(generation);
  const searchEntries = options.skipSearchIndex ? null : await rebuildIndex(prisma, log);
  return {
    documents: options.documents,
    notices: options.notices,
    cases: options.cases,
    events,
    searchEntries,
    seconds: (Date.now() - started) / 1000,
  };
}
