/** What the generator's writers share: resuming by counting `vol-` ids, batching with progress, stopping between batches. */
import type { PrismaClient } from "../../lib/db/generated/client";
import { places } from "../../prisma/seed/data/places";
import type { TVolumeOptions } from "./args";
import type { TCommunityRef } from "./content";
import type { TTableTypes } from "./insert";

export type TLog = (line: string) => void;

/** Thrown between batches once the run's stop signal is aborted: everything before it is committed. */
export class GenerationStopped extends Error {}

export type TRun = { seed: number; endDay: string };

/** What every writer of one generation run shares. */
export type TGeneration = {
  prisma: PrismaClient;
  options: TVolumeOptions;
  run: TRun;
  /** the written tables' columns as the database has them */
  types: TTableTypes;
  log: TLog;
  /** aborted (SIGINT / SIGTERM): stop after the batch being written */
  stop?: AbortSignal;
};

export const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** How many generated rows of a kind exist: the number after the highest `prefix` id, plus one. */
export async function existing(prisma: PrismaClient, table: string, prefix: string): Promise<number> {
  // a range on the primary key, so the index answers (LIKE would scan under a non-C collation)
  const rows = await prisma.$queryRawUnsafe<{ id: string | null }[]>(
    `SELECT max("id") AS id FROM "${table}" WHERE "id" >= $1 AND "id" < $2`,
    prefix,
    `${prefix.slice(0, -1)}.`,
  );
  const last = rows[0]?.id;
  return last ? Number(last.slice(prefix.length)) + 1 : 0;
}

function progress(log: TLog, label: string, done: number, total: number, started: number, rows: number) {
  const seconds = (Date.now() - started) / 1000;
  log(
    `  ${label} ${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString("en")} rows/s`,
  );
}

/**
 * Runs `step` over [from, to) in batches of options.batch, logging progress at most every 2 s
 * and at the end; stops between batches once `stop` is aborted.
 */
export async function inBatches(
  { options, log, stop }: TGeneration,
  from: number,
  to: number,
  label: string,
  step: (start: number, end: number) => Promise<number>,
): Promise<number> {
  const size = options.batch;
  const started = Date.now();
  let rows = 0;
  let lastLog = 0;
  for (let start = from; start < to; start += size) {
    // PGlite answers in microtasks: without a turn of the event loop no signal would ever be handled
    await new Promise((resolve) => setImmediate(resolve));
    if (stop?.aborted)
      throw new GenerationStopped(
        `${label}: stopped after ${start.toLocaleString("en")}; run again with the same arguments to resume`,
      );
    const end = Math.min(to, start + size);
    rows += await step(start, end);
    if (Date.now() - lastLog > 2000 || end === to) {
      progress(log, label, end, to, started, rows);
      lastLog = Date.now();
    }
  }
  return rows;
}

/** The seeded communities in places.ts order, with their ids. */
export async function communityRefs(prisma: PrismaClient): Promise<(TCommunityRef & { id: string })[]> {
  const ids = new Map(
    (await prisma.community.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]),
  );
  const refs: (TCommunityRef & { id: string })[] = [];
  for (const district of places.districts)
    for (const street of district.streets)
      for (const community of street.communities) {
        const id = ids.get(community.code);
        if (id)
          refs.push({
            id,
            code: community.code,
            name: community.name,
            streetName: street.name,
            districtName: district.name,
          });
      }
  if (!refs.length) throw new Error("no communities: seed the demo data first (npm run db:seed)");
  return refs;
}
