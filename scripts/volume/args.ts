import { parseArgs } from "node:util";

export type TVolumeOptions = {
  documents: number;
  notices: number;
  cases: number;
  /** PRNG seed: the same seed makes the same rows */
  seed: number;
  /** rows per INSERT batch (one transaction each) */
  batch: number;
  /** last day of the ten years (YYYY-MM-DD); defaults to yesterday in China */
  endDay: string | null;
  /** skip rebuilding the search index at the end */
  skipSearchIndex: boolean;
};

export const volumeUsage =
  "usage: npm run seed:volume -- [--documents N] [--notices N] [--cases N] [--seed N] [--batch N] [--end YYYY-MM-DD] [--skip-search-index]";

/** A flag's whole number (`1_000` and `1,000` allowed), the fallback when absent; throws on anything else. */
export function wholeFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const cleaned = value.replace(/[_,]/g, "");
  if (!/^\d+$/.test(cleaned)) throw new Error(`--${name} must be a whole number, not "${value}"`);
  const n = Number(cleaned);
  if (n > max) throw new Error(`--${name} must be at most ${max}`);
  return n;
}

/** The flags the generator shares with the benchmark: how many rows of each kind to make. */
export const volumeFlags = {
  documents: { type: "string" },
  notices: { type: "string" },
  cases: { type: "string" },
} as const;

type TVolumeCounts = { documents: number; notices: number; cases: number };

/** The row counts of those flags, each within what its identifiers can number. */
export function volumeCounts(
  values: { documents?: string; notices?: string; cases?: string },
  fallback: TVolumeCounts,
): TVolumeCounts {
  return {
    // 索引号 serials are 5 digits per unit and year: 10 units × 10 years × 99,999 is the ceiling
    documents: wholeFlag("documents", values.documents, fallback.documents, 5_000_000),
    notices: wholeFlag("notices", values.notices, fallback.notices, 5_000_000),
    // 办件编号 serials are 6 digits per day
    cases: wholeFlag("cases", values.cases, fallback.cases, 50_000_000),
  };
}

/** Parses the generator's command line; throws an Error with a readable message on bad input. */
export function parseVolumeArgs(argv: string[]): TVolumeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...volumeFlags,
      seed: { type: "string" },
      batch: { type: "string" },
      end: { type: "string" },
      "skip-search-index": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const end = values.end ?? null;
  if (end !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(end) || Number.isNaN(Date.parse(`${end}T00:00:00Z`))))
    throw new Error(`--end must be a date YYYY-MM-DD, not "${end}"`);
  const batch = wholeFlag("batch", values.batch, 1000, 5000);
  if (batch < 1) throw new Error("--batch must be at least 1");
  return {
    ...volumeCounts(values, { documents: 0, notices: 0, cases: 0 }),
    seed: wholeFlag("seed", values.seed, 20061126, 2 ** 32 - 1),
    batch,
    endDay: end,
    skipSearchIndex: values["skip-search-index"] ?? false,
  };
}
