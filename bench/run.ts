/**
 * npm run bench [-- --quick] [--cases N] [--duration S]: builds if there is no build, fills its
 * own data directory (bench/.data) with the volume generator, starts the production server on
 * port 3400 and measures search, pages beside a static baseline, API submissions and memory;
 * on the embedded database, and on PostgreSQL too when DATABASE_URL is set. Prints a table and
 * writes bench/results/latest.json.
 */
import { createHash, randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "../lib/db/connect";
import { maintainDatabase } from "../lib/db/maintenance";
import { databaseTarget, type DatabaseTarget } from "../lib/db/adapter";
import { allCategories, auditPages, type TPageAudit } from "../scripts/lighthouse";
import { formatTable, parseBenchArgs, type TBenchOptions } from "./stats";
import { serverCommand } from "../scripts/serverCommand";
import {
  authSecret,
  bin,
  runStep,
  sampleMemory,
  spawnServer,
  stopAll,
  waitFor,
  type TMemory,
} from "./server";
import {
  measurePages,
  measureSearch,
  measureSubmissions,
  type TPage,
  type TQuery,
  type TSearchResult,
  type TSubmissions,
} from "./measure";
import { measureOverload, overloadLoad, overloadTarget, type TOverload } from "./overload";
import {
  measureSignedIn,
  signedInPages,
  signedInTarget,
  type TSignedInPage,
  type TSignedInResult,
} from "./sessions";

type TTargetResult = {
  database: "embedded" | "postgresql";
  volume: { documents: number; notices: number; cases: number };
  counts: Record<string, number>;
  prepareSeconds: number;
  /** search and the public pages: left out by --only; submissions: left out by --only signed-in */
  search?: TSearchResult;
  pages: TPage[];
  /** goal 2 of issue 13: the signed-in pages, each with its own session */
  signedIn: Omit<TSignedInResult, "cookie">[];
  /** the staff queue far past what the server can render: rendered or turned away, in bounded time */
  overload?: TOverload;
  submissions?: Omit<TSubmissions, "acknowledged"> & { acknowledged: number; missingAfterwards: number };
  memory: TMemory;
  /** goal 5 of issue 13: Lighthouse's four categories at phone size, 100 each */
  lighthouse: TPageAudit[];
  /** os.loadavg() when the measurements began: other work on the machine skews them */
  loadAverage: number[];
};

const pages = [
  { name: "home", path: "/zh-Hans" },
  { name: "service guide", path: "/zh-Hans/services/RS-JYDJ-001" },
  { name: "document", path: "/zh-Hans/disclosure/SZF/2006-00001" },
  { name: "notice list", path: "/zh-Hans/notices" },
  { name: "search page", path: `/zh-Hans/search?q=${encodeURIComponent("低保")}` },
];

/** The pages goal 5 names for Lighthouse: home, a guide, the disclosure catalogue, a document, the notices. */
const lighthousePages = [
  "/zh-Hans",
  "/zh-Hans/services/RS-JYDJ-001",
  "/zh-Hans/disclosure",
  pages.find((page) => page.name === "document")!.path,
  "/zh-Hans/notices",
];

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const seconds = (since: number) => (Date.now() - since) / 1000;

/**
 * A personal API token for citizen@example.cn and the signed-in sessions of the signed-in pages,
 * written straight into the database (the server is not running).
 */
async function createToken(
  target: DatabaseTarget,
  secret: string,
  withSessions: boolean,
): Promise<{ token: string; counts: Record<string, number>; signedIn: TSignedInPage[] }> {
  const { prisma, close } = await connect(target);
  try {
    const citizen = await prisma.user.findUniqueOrThrow({ where: { email: "citizen@example.cn" } });
    const token = `os_${randomBytes(30).toString("base64url")}`;
    await prisma.apiToken.create({
      data: {
        userId: citizen.id,
        name: `bench ${new Date().toISOString()}`,
        tokenHash: createHash("sha256").update(token).digest("hex"),
      },
    });
    const counts = {
      documents: await prisma.disclosureDocument.count(),
      notices: await prisma.notice.count(),
      cases: await prisma.application.count(),
      caseEvents: await prisma.caseEvent.count(),
    };
    // a search-only run may have no cases to open
    return { token, counts, signedIn: withSessions ? await signedInPages(prisma, secret) : [] };
  } finally {
    await close();
  }
}

/**
 * VACUUM (ANALYZE) after the bulk load (the nightly job's pass), as a live database's autovacuum would have done: PGlite
 * runs no autovacuum, and a generated directory that was never analysed has no planner statistics
 * (every table estimated at a few thousand rows) and no visibility map (no index-only scan), so
 * it measured plans no real database would choose (issue 13: a count over a citizen's 157,000
 * cases read 270 MB of table, 2.4 s). 27 s for the full volume on PGlite.
 */
async function vacuumAnalyze(target: DatabaseTarget): Promise<void> {
  const started = Date.now();
  const { prisma, close } = await connect(target);
  try {
    await maintainDatabase({ db: prisma });
  } finally {
    await close();
  }
  console.log(`VACUUM (ANALYZE) in ${seconds(started).toFixed(0)} s`);
}

/** How many acknowledged 办件编号 are not in the database (must be 0). */
async function missingCases(target: DatabaseTarget, trackingNumbers: string[]): Promise<number> {
  const { prisma, close } = await connect(target);
  try {
    let found = 0;
    for (let i = 0; i < trackingNumbers.length; i += 1000) {
      found += await prisma.application.count({
        where: { trackingNumber: { in: trackingNumbers.slice(i, i + 1000) } },
      });
    }
    return new Set(trackingNumbers).size - found;
  } finally {
    await close();
  }
}

async function benchTarget(
  kind: TTargetResult["database"],
  options: TBenchOptions,
  queries: TQuery[],
  baseEnv: NodeJS.ProcessEnv,
): Promise<TTargetResult> {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    ONESTOP_DATA_DIR: path.resolve(options.dataDir),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (kind === "embedded") delete env.DATABASE_URL;
  else env.SEED_DEMO = "1";
  // this process opens the database too (token before, check after): the same directory as the children
  const target: DatabaseTarget =
    kind === "embedded"
      ? { kind: "pglite", dir: path.join(path.resolve(options.dataDir), "pglite") }
      : databaseTarget(env);
  const volume = { documents: options.documents, notices: options.notices, cases: options.cases };
  console.log(`\n== ${kind} database ==`);

  const prepared = Date.now();
  runStep(bin("tsx"), [path.join("scripts", "db", "prepare.ts")], env);
  // the embedded directory remembers a finished generation; PostgreSQL is asked (the generator resumes)
  // and whether that generation built the search index: a marker without it means the index is rebuilt
  const marker = path.join(options.dataDir, `.volume-${volume.documents}-${volume.notices}-${volume.cases}`);
  const searchIndex = fs.existsSync(path.join("lib", "search", "index.ts"));
  const recorded = fs.existsSync(marker)
    ? (JSON.parse(fs.readFileSync(marker, "utf8")) as { searchIndex?: boolean; vacuumed?: boolean })
    : null;
  const done = recorded?.searchIndex === searchIndex;
  if (kind === "postgresql" || !done) {
    // the generator resumes: with every row there, it only rebuilds the search index
    runStep(
      bin("tsx"),
      [
        "--conditions=react-server",
        "scripts/seed-volume.ts",
        "--documents",
        String(volume.documents),
        "--notices",
        String(volume.notices),
        "--cases",
        String(volume.cases),
      ],
      env,
    );
  } else console.log(`volume already generated (${marker})`);
  if (kind === "postgresql" || !done || !recorded?.vacuumed) {
    await vacuumAnalyze(target);
    if (kind === "embedded")
      fs.writeFileSync(marker, JSON.stringify({ at: new Date().toISOString(), searchIndex, vacuumed: true }));
  }
  const { token, counts, signedIn } = await createToken(
    target,
    authSecret(options.dataDir),
    options.only !== "search",
  );
  const prepareSeconds = seconds(prepared);
  console.log(`data ready in ${prepareSeconds.toFixed(0)} s: ${JSON.stringify(counts)}`);

  const base = `http://127.0.0.1:${options.port}`;
  const serverEnv = {
    ...env,
    PORT: String(options.port),
    NEXTAUTH_SECRET: authSecret(options.dataDir),
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    NODE_ENV: "production" as const,
    // the bench's requests come through it as through a city's reverse proxy (measure.ts)
    TRUSTED_PROXIES: "loopback",
  };
  // the server npm start runs (Next's handler behind the node:http server that knows the client)
  const { command, args, env: commandEnv } = serverCommand();
  const server = spawnServer(
    command,
    args,
    { ...serverEnv, ...commandEnv },
    path.join(options.dataDir, "server.log"),
  );
  const memory = sampleMemory(server.child.pid ?? 0);
  // each measurement's own peak, so that the record shows which of them the server's peak came from
  const during = <T>(phase: string, work: () => Promise<T>) => {
    memory.phase(phase);
    return work();
  };
  try {
    await waitFor(`${base}/api/health`, 180_000, server.child);
    const loadAverage = os.loadavg();
    console.log(`server up; load average ${load()}`);
    const all = options.only === null;
    const search =
      all || options.only === "search"
        ? await during("search", () => measureSearch(base, queries, 2))
        : undefined;
    if (search)
      console.log(
        `  search: p50 ${search.p50.toFixed(0)} ms, p95 ${search.p95.toFixed(0)} ms, top-10 ${search.top10}/${search.queries}${search.misses.length ? `; missed: ${search.misses.join(", ")}` : ""}`,
      );
    const pageResults =
      all || options.only === "pages"
        ? await during("pages", () =>
            measurePages(base, pages, {
              port: options.port,
              duration: options.duration,
              connections: options.connections,
              workDir: path.join(options.dataDir, "pages"),
            }),
          )
        : [];
    // before the signed-in and submission loads, on a server that has nothing else to do
    const lighthouse =
      options.skipLighthouse || !all
        ? []
        : await during("lighthouse", () =>
            auditPages(base, lighthousePages, { categories: allCategories, widths: ["phone"] }),
          );
    for (const audit of lighthouse)
      console.log(
        `  lighthouse ${audit.path}: ${allCategories.map((c) => audit.scores[c]).join(" / ")}${audit.failed.length ? ` — ${audit.failed.join(", ")}` : ""}`,
      );
    const signedInResults =
      all || options.only === "signed-in"
        ? await during("signed-in", () =>
            measureSignedIn(base, signedIn, {
              duration: options.duration,
              connections: options.connections,
            }),
          )
        : [];
    const submissions =
      all || options.only === "submissions"
        ? await during("submissions", () =>
            measureSubmissions(base, token, {
              duration: options.duration,
              connections: options.connections,
            }),
          )
        : undefined;
    if (submissions)
      console.log(
        `  submissions: ${submissions.submit.rps.toFixed(1)}/s, ${submissions.acknowledged.length} acknowledged`,
      );
    // last, as the heaviest: the other loads are measured as before, on a server that never had
    // a thousand connections at once (a quick run: eight times its connections, for its duration)
    const staffQueue = signedIn.find((page) => page.path === "/staff");
    const overload =
      (all || options.only === "signed-in") && staffQueue
        ? await during("overload", () =>
            measureOverload(
              base,
              staffQueue,
              options.quick
                ? { connections: options.connections * 8, duration: options.duration }
                : overloadLoad,
            ),
          )
        : undefined;
    if (overload)
      console.log(
        `  overload: ${overload.served.count} rendered, ${overload.turnedAway.count} turned away, ${overload.failed} failed`,
      );
    memory.phase("stop");
    await server.stop();
    const missingAfterwards = submissions ? await missingCases(target, submissions.acknowledged) : 0;
    return {
      database: kind,
      volume,
      counts,
      prepareSeconds,
      search,
      pages: pageResults,
      signedIn: signedInResults,
      overload,
      submissions: submissions && {
        ...submissions,
        acknowledged: submissions.acknowledged.length,
        missingAfterwards,
      },
      memory: memory.stop(),
      lighthouse,
      loadAverage,
    };
  } finally {
    memory.stop();
    await server.stop();
  }
}

/** Goal 3 of issue 13: submissions per second at 50 connections, with zero acknowledged missing. */
const submissionTarget: Record<TTargetResult["database"], number> = { embedded: 200, postgresql: 500 };

function printResults(results: TTargetResult[]) {
  const rows: (string | number)[][] = [];
  for (const r of results) {
    const db = r.database;
    const c = r.counts;
    rows.push([
      db,
      "rows (documents / notices / cases / case events)",
      [c.documents, c.notices, c.cases, c.caseEvents].map((n) => n.toLocaleString("en")).join(" / "),
      "",
      "",
    ]);
    rows.push([db, "migrate + seed + generate + search index", `${r.prepareSeconds.toFixed(0)} s`, "", ""]);
    rows.push([
      db,
      "load average (1/5/15 min) when measuring began",
      r.loadAverage.map((n) => n.toFixed(2)).join(" "),
      "",
      "",
    ]);
    const search = r.search;
    if (search) {
      rows.push([
        db,
        `search p50 / p95 / p99 (${search.queries} queries × ${search.rounds})`,
        `${search.p50.toFixed(0)} / ${search.p95.toFixed(0)} / ${search.p99.toFixed(0)} ms`,
        "",
        "",
        `p95 < 20 ms: ${search.p95 < 20 ? "met" : "not met"}`,
      ]);
      rows.push([
        db,
        "  search p50 / p95 by round (first runs; repeated)",
        (search.byRound ?? []).map((r) => `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} ms`).join("; "),
        "",
        "",
      ]);
      rows.push([
        db,
        "search: expected item in first 10",
        `${search.top10}/${search.queries} (${(search.top10Share * 100).toFixed(0)}%)`,
        "",
        "",
        `≥ 95%: ${search.top10Share >= 0.95 ? "met" : "not met"}`,
      ]);
    }
    for (const page of r.pages)
      for (const [how, result] of [
        [`${(page.bytes / 1024).toFixed(0)} KB`, page],
        [`gzip, ${(page.gzip.bytes / 1024).toFixed(0)} KB`, page.gzip],
      ] as const)
        rows.push([
          db,
          `${page.name} ${page.path} (${how})`,
          `${result.app.rps.toFixed(1)} req/s, p99 ${result.app.p99} ms`,
          `${result.static.rps.toFixed(0)} req/s, p99 ${result.static.p99} ms`,
          `${result.ratio.toFixed(1)}×`,
          `≥ 0.5 of static, p99 < 50 ms: ${result.ratio <= 2 && result.app.p99 < 50 ? "met" : "not met"}`,
        ]);
    for (const page of r.signedIn) {
      rows.push([
        db,
        `${page.name} ${page.path}`,
        `${page.app.rps.toFixed(1)} req/s, p99 ${page.app.p99} ms`,
        "",
        "",
        `≥ ${signedInTarget.rps} req/s, p99 < ${signedInTarget.p99Ms} ms: ${page.met ? "met" : "not met"}`,
      ]);
    }
    const o = r.overload;
    if (o) {
      const others = Object.entries(o.otherStatuses).map(([status, n]) => `${n}× ${status}`);
      rows.push([
        db,
        `overload: ${o.name} ${o.path}, ${o.connections} connections, ${o.seconds.toFixed(0)} s`,
        `${o.served.count} rendered (${o.served.rps.toFixed(1)}/s, p99 ${o.served.p99.toFixed(0)} ms, max ${o.served.max.toFixed(0)} ms); ` +
          `${o.turnedAway.count} turned away 503 (max ${(o.turnedAway.max || 0).toFixed(0)} ms); ` +
          `${o.failed} unanswered${others.length ? `; ${others.join(", ")}` : ""}; ` +
          `max ${(o.byTurn.first.max || 0).toFixed(0)} ms for a connection's first answer, ${(o.byTurn.later.max || 0).toFixed(0)} ms after`,
        "",
        "",
        `every visitor answered within ${overloadTarget.maxMs / 1000} s: ${o.met ? "met" : "not met"}`,
      ]);
    }
    const s = r.submissions;
    if (s) {
      rows.push([
        db,
        "uploads POST /api/v1/uploads",
        `${s.uploads.rps.toFixed(1)}/s, p99 ${s.uploads.p99} ms`,
        "",
        "",
      ]);
      rows.push([
        db,
        "submissions POST /api/v1/applications",
        `${s.submit.rps.toFixed(1)}/s, p99 ${s.submit.p99} ms`,
        "",
        "",
        `≥ ${submissionTarget[db]}/s, p99 < 1000 ms: ${
          s.submit.rps >= submissionTarget[db] && s.submit.p99 < 1000 && s.missingAfterwards === 0
            ? "met"
            : "not met"
        }`,
      ]);
      rows.push([
        db,
        "  201 acknowledged / missing afterwards",
        `${s.acknowledged} / ${s.missingAfterwards}`,
        "",
        "",
      ]);
      rows.push([
        db,
        "  repeated key answered 200 / non-2xx",
        `${s.duplicatesAnswered} / ${s.submit.non2xx + s.submit.errors}`,
        "",
        "",
      ]);
    }
    rows.push([
      db,
      "server peak memory (tree RSS / max VmHWM)",
      `${r.memory.peakTreeRssMiB.toFixed(0)} / ${r.memory.peakHwmMiB.toFixed(0)} MiB`,
      "",
      "",
      `≤ 600 MiB: ${r.memory.peakTreeRssMiB <= 600 ? "met" : "not met"}`,
    ]);
    rows.push([
      db,
      "  peak by phase (MiB)",
      (r.memory.phases ?? []).map((p) => `${p.phase} ${p.peakTreeRssMiB.toFixed(0)}`).join(", "),
      "",
      "",
    ]);
    for (const audit of r.lighthouse ?? [])
      rows.push([
        db,
        `Lighthouse (phone) ${audit.path}`,
        allCategories.map((c) => audit.scores[c] ?? "–").join(" / "),
        "",
        "",
        `100 / 100 / 100 / 100: ${allCategories.every((c) => audit.scores[c] === 100) ? "met" : "not met"}`,
      ]);
  }
  console.log(
    `\n${formatTable(["database", "measure", "app", "static baseline", "static/app", "target"], rows)}`,
  );
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = Date.now();
  const loadStart = os.loadavg();
  // the code measured is the code at the start (the branch may move on during a long run)
  const commit = gitCommit();
  const queries = (
    JSON.parse(fs.readFileSync(path.join("bench", "search-queries.json"), "utf8")) as { queries: TQuery[] }
  ).queries;
  console.log(
    `bench: ${options.searchCurve ? `search curve at ${options.searchCurve.join(", ")} documents` : `${options.documents} documents, ${options.notices} notices, ${options.cases} cases; ${options.connections} connections × ${options.duration} s`}; ${os.cpus().length} cores; load average ${load()}`,
  );
  fs.mkdirSync(options.dataDir, { recursive: true });

  const built = Date.now();
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("no build yet: running next build");
    runStep(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
  const buildSeconds = seconds(built);

  const results: TTargetResult[] = [];
  if (options.searchCurve) {
    // PostgreSQL's points grow one database (the generator resumes), so they go smallest first
    const points = [...options.searchCurve].sort((a, b) => a - b);
    if (!options.skipEmbedded)
      for (const documents of points)
        results.push(await benchTarget("embedded", curvePoint(options, documents), queries, process.env));
    if (databaseTarget().kind === "postgres")
      for (const documents of points)
        results.push(await benchTarget("postgresql", curvePoint(options, documents), queries, process.env));
  } else {
    if (!options.skipEmbedded) results.push(await benchTarget("embedded", options, queries, process.env));
    if (databaseTarget().kind === "postgres")
      results.push(await benchTarget("postgresql", options, queries, process.env));
  }

  printResults(results);
  const searchCurve = options.searchCurve ? curveOf(results) : undefined;
  if (searchCurve) printSearchCurve(searchCurve);
  const totalSeconds = seconds(started);
  const summary = {
    startedAt: new Date(started).toISOString(),
    totalSeconds,
    buildSeconds,
    commit,
    machine: {
      cores: os.cpus().length,
      memoryGiB: os.totalmem() / 2 ** 30,
      node: process.version,
      loadAverageStart: loadStart,
      loadAverageEnd: os.loadavg(),
    },
    options,
    results,
    searchCurve,
  };
  console.log(
    `\ntotal ${(totalSeconds / 60).toFixed(1)} min (build ${buildSeconds.toFixed(0)} s); load average at start ${loadStart.map((n) => n.toFixed(2)).join(" ")}, at end ${load()}`,
  );
  const file = options.out;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`written ${file}`);
}

/**
 * One point of --search-curve: that many documents and a fifth as many notices (the full run's
 * ratio), no cases (search never reads them), in a data directory of its own that later runs reuse.
 */
function curvePoint(options: TBenchOptions, documents: number): TBenchOptions {
  return {
    ...options,
    documents,
    notices: Math.round(documents / 5),
    cases: 0,
    dataDir: `${options.dataDir}-search-${documents}`,
    only: "search",
  };
}

type TCurvePoint = {
  database: TTargetResult["database"];
  documents: number;
  notices: number;
  /** migrate, seed, generate, index and vacuum when the directory was new; else the checks alone */
  prepareSeconds: number;
  loadAverage: number[];
} & Pick<TSearchResult, "p50" | "p95" | "p99" | "top10" | "queries" | "misses" | "byRound">;

function curveOf(results: TTargetResult[]): TCurvePoint[] {
  return results.flatMap((r) =>
    r.search
      ? [
          {
            database: r.database,
            documents: r.counts.documents,
            notices: r.counts.notices,
            prepareSeconds: r.prepareSeconds,
            loadAverage: r.loadAverage,
            p50: r.search.p50,
            p95: r.search.p95,
            p99: r.search.p99,
            top10: r.search.top10,
            queries: r.search.queries,
            misses: r.search.misses,
            byRound: r.search.byRound,
          },
        ]
      : [],
  );
}

/** Goal 4 of issue 13: search p95 under 20 ms up to a million documents, the expected item in the first 10 for ≥ 95%. */
function printSearchCurve(curve: TCurvePoint[]) {
  const rows = curve.map((point) => [
    point.database,
    point.documents.toLocaleString("en"),
    point.notices.toLocaleString("en"),
    `${point.p50.toFixed(1)} / ${point.p95.toFixed(1)} / ${point.p99.toFixed(1)} ms`,
    (point.byRound ?? []).map((r) => `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)}`).join("; "),
    `${point.top10}/${point.queries}`,
    point.loadAverage.map((n) => n.toFixed(2)).join(" "),
    `p95 < 20 ms: ${point.p95 < 20 ? "met" : "not met"}; ≥ 95%: ${point.top10 / point.queries >= 0.95 ? "met" : "not met"}`,
  ]);
  console.log(
    `\nsearch curve\n${formatTable(["database", "documents", "notices", "p50 / p95 / p99", "p50 / p95 by round", "top 10", "load average", "target"], rows)}`,
  );
}

function gitCommit(): string | null {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the servers`);
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
