/** Pure helpers of the benchmark: percentiles, argument parsing, the printed table. */
import { parseArgs } from "node:util";
import { volumeCounts, volumeFlags, wholeFlag } from "../scripts/volume/args";

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError("percentile must be within 0–100");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export type TLatency = { p50: number; p95: number; p99: number; max: number; count: number };

export function latencySummary(samples: readonly number[]): TLatency {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    count: samples.length,
  };
}

/** The groups `--only` can measure alone, once the data is ready. */
export const onlyGroups = ["signed-in", "search", "submissions", "pages"] as const;
export type TOnlyGroup = (typeof onlyGroups)[number];

export type TBenchOptions = {
  quick: boolean;
  documents: number;
  notices: number;
  cases: number;
  /** seconds per load run */
  duration: number;
  connections: number;
  port: number;
  dataDir: string;
  /** skip the embedded database (measure only PostgreSQL) */
  skipEmbedded: boolean;
  /** where the JSON goes */
  out: string;
  /** leave Lighthouse out (the smoke test of the command in npm test) */
  skipLighthouse: boolean;
  /** measure only one group of rows: the signed-in pages (goal 2 of issue 13), search (goal 4) or the submissions (goal 3) */
  only: TOnlyGroup | null;
  /** search only, at each of these numbers of documents (a fifth as many notices), each in a data directory of its own */
  searchCurve: number[] | null;
};

/** The full run's volume; --quick is for development (small counts, short runs). */
// 500,000 cases keep the whole run from nothing under 20 minutes on 2 cores: 1,000,000 cases with their
// 6.5 million events took about 7.5 min to generate on PGlite at a load average of 5 (2.2k cases/s)
export const fullVolume = { documents: 100_000, notices: 20_000, cases: 500_000 };
const quickVolume = { documents: 2_000, notices: 500, cases: 2_000 };

export function parseBenchArgs(argv: string[]): TBenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      ...volumeFlags,
      duration: { type: "string" },
      connections: { type: "string" },
      port: { type: "string" },
      "data-dir": { type: "string" },
      "skip-embedded": { type: "boolean", default: false },
      "skip-lighthouse": { type: "boolean", default: false },
      only: { type: "string" },
      "search-curve": { type: "string" },
      out: { type: "string" },
    },
  });
  const quick = values.quick ?? false;
  const volume = quick ? quickVolume : fullVolume;
  const port = wholeFlag("port", values.port, 3400);
  if (port === 3100 || port === 3200 || port < 1024 || port > 65_000)
    throw new Error(`--port ${port} is not allowed (3100 and 3200 belong to the test servers)`);
  const connections = wholeFlag("connections", values.connections, 50);
  const only = values.only === undefined ? null : onlyGroups.find((group) => group === values.only);
  if (only === undefined) throw new Error(`--only ${values.only}: the groups are ${onlyGroups.join(", ")}`);
  // comma-separated whole numbers (10_000 for readability; no thousands commas here)
  const searchCurve = values["search-curve"]
    ?.split(",")
    .map((n) => wholeFlag("search-curve", n.trim(), 0, 5_000_000));
  if (searchCurve && (!searchCurve.length || searchCurve.some((n) => n < 1)))
    throw new Error("--search-curve takes numbers of documents, e.g. 10000,100000,1000000");
  if (connections < 1) throw new Error("--connections must be at least 1");
  return {
    quick,
    ...volumeCounts(values, volume),
    duration: Math.max(1, wholeFlag("duration", values.duration, quick ? 3 : 10)),
    connections,
    port,
    dataDir: values["data-dir"] ?? (quick ? "bench/.data-quick" : "bench/.data"),
    skipEmbedded: values["skip-embedded"] ?? false,
    skipLighthouse: values["skip-lighthouse"] ?? false,
    only: searchCurve ? "search" : only,
    searchCurve: searchCurve ?? null,
    out: values.out ?? (quick ? "bench/results/quick.json" : "bench/results/latest.json"),
  };
}

/** A fixed-width text table; numbers right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [
    header,
    ...rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : cell))),
  ];
  const width = (text: string) =>
    [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, c) => Math.max(...cells.map((row) => width(String(row[c] ?? "")))));
  const line = (row: (string | number)[]) =>
    row
      .map((cell, c) => {
        const text = String(cell ?? "");
        const padding = " ".repeat(widths[c] - width(text));
        return c > 0 && /^[-\d.,%×x]+$/.test(text) ? padding + text : text + padding;
      })
      .join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "-";
  if (Number.isInteger(n)) return n.toLocaleString("en");
  return n >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(1);
}

/** One load's figures, from autocannon (measure.ts) or wrk (wrk.ts). */
export type TLoad = {
  rps: number;
  p99: number;
  p50: number;
  requests: number;
  /** bytes received per answer, headers included (wrk only) */
  bytesPerRequest?: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};
