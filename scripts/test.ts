/**
 * npm test: every suite, in order, and a closing count.
 *   1. type check, lint and formatting (prettier --check), side by side
 *   2. unit and integration tests (Vitest) on the embedded database
 *   3. the integration tests again on PostgreSQL, when TEST_DATABASE_URL is set or one
 *      answers at the CI address (.ci/start-postgres.sh): those that open the test's database
 *   4. next build, then the browser tests (Playwright, Debian's Chromium, against next start), two
 *      test processes at a time
 * Exits non-zero if anything fails.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { requireNode } from "./requireNode";
import { reachable, testDatabaseUrl } from "./reachable";

type Count = { passed: number; failed: number };
const totals: Count = { passed: 0, failed: 0 };
const failures: string[] = [];
const bin = (name: string) => `node_modules/.bin/${name}`;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`── ${name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!ok) failures.push(name);
  return ok;
}

function addVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0);
}

function addPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const stats = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
}

/**
 * Steps that only read the sources, run side by side (each is one process on one core, so on two
 * cores together they take little more than the longest alone); each one's output is printed whole
 * when it ends, so the log reads as if they had run in turn.
 */
async function stepsTogether(steps: { name: string; command: string; args: string[] }[]): Promise<void> {
  const results = await Promise.all(
    steps.map(
      ({ name, command, args }) =>
        new Promise<{ name: string; ok: boolean; output: string; seconds: number }>((resolve) => {
          const started = Date.now();
          const chunks: Buffer[] = [];
          const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
          child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
          child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
          const done = (ok: boolean, extra = "") =>
            resolve({
              name,
              ok,
              output: Buffer.concat(chunks).toString() + extra,
              seconds: (Date.now() - started) / 1000,
            });
          child.on("error", (error) => done(false, String(error)));
          child.on("close", (code) => done(code === 0));
        }),
    ),
  );
  for (const { name, ok, output, seconds } of results) {
    console.log(`\n── ${name} ──`);
    if (output) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
    console.log(`── ${name}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(0)} s`);
    if (!ok) failures.push(name);
  }
}

/**
 * The integration files that never open the database the run chose (tests/helpers/db.ts, which
 * follows TEST_DATABASE_URL): they start their own embedded directories, processes, S3 or PDF
 * renderers, so the PostgreSQL pass would only repeat them.
 */
function databaseIndependentFiles(): string[] {
  const dir = "tests/integration";
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => path.join(dir, name))
    .filter(
      (file) =>
        !/helpers\/db(Snapshots)?["']|TEST_DATABASE_URL|testDatabaseUrl/.test(fs.readFileSync(file, "utf8")),
    );
}

async function main() {
  fs.rmSync("test-results", { recursive: true, force: true });
  fs.mkdirSync("test-results", { recursive: true });
  await stepsTogether([
    { name: "type check", command: bin("tsc"), args: ["--noEmit"] },
    { name: "lint", command: bin("eslint"), args: ["."] },
    {
      name: "format (prettier --check)",
      command: bin("prettier"),
      args: ["--check", "--log-level", "warn", "."],
    },
  ]);

  const embedded = { TEST_DATABASE_URL: "", DATABASE_URL: "" };
  step(
    "unit and integration tests (embedded database)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-embedded.json"],
    embedded,
  );
  addVitest("test-results/vitest-embedded.json");

  const pgUrl = testDatabaseUrl;
  const sameOnEither = databaseIndependentFiles();
  if (await reachable(pgUrl)) {
    step(
      "integration tests (PostgreSQL)",
      bin("vitest"),
      [
        "run",
        "--project",
        "integration",
        ...sameOnEither.flatMap((file) => ["--exclude", file]),
        "--reporter=default",
        "--reporter=json",
        "--outputFile=test-results/vitest-postgres.json",
      ],
      { TEST_DATABASE_URL: pgUrl },
    );
    console.log(
      `(left out of the PostgreSQL pass, as they open no database of the test's choosing and ran above: ${sameOnEither.map((file) => path.basename(file)).join(", ")})`,
    );
    addVitest("test-results/vitest-postgres.json");
  } else {
    console.log(
      `\n── PostgreSQL not reachable at ${new URL(pgUrl).host}: the integration suite ran on the embedded database only (bash .ci/start-postgres.sh starts one)`,
    );
  }

  const typesChecked = !failures.includes("type check");
  if (
    step("next build", bin("next"), ["build"], {
      NEXT_TELEMETRY_DISABLED: "1",
      ...(typesChecked ? { ONESTOP_TYPES_CHECKED: "1" } : {}),
    })
  ) {
    // two test processes share the server (playwright.config.ts: specs that change shared state
    // run alone afterwards); E2E_WORKERS=1 runs everything in one
    step("browser tests (Playwright + Chromium)", bin("playwright"), ["test"], {
      DATABASE_URL: "",
      E2E_WORKERS: process.env.E2E_WORKERS ?? "2",
    });
    addPlaywright("test-results/e2e.json");
  }

  console.log(`\n${failures.length ? `failed steps: ${failures.join(", ")}` : "every step passed"}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failures.length || totals.failed ? 1 : 0);
}

requireNode();
void main();
