import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { localPlatformSettings, portalVariables } from "./scripts/oidc/settings";

const port = Number(process.env.E2E_PORT ?? 3100);
/** a real SMTP server the app sends to; it writes each message to a file the tests read (tests/e2e/helpers/mail.ts) */
const smtpPort = port + 1;
const mailFile = `.e2e-mail-${port}.jsonl`;
/**
 * the local identity platform citizens and staff sign on through (scripts/oidc-server.ts), on
 * port + 11: the specs that start servers of their own take + 2 … + 10 (throttle + 2/3, cache
 * instances + 4/5, cluster PostgreSQL + 7 and instances + 8/9/10), + 12/13 (the bench and its
 * static baseline) and + 21 (https)
 */
const signOn = localPlatformSettings({
  OIDC_PORT: String(port + 11),
  NEXTAUTH_URL: `http://localhost:${port}`,
});

/**
 * With E2E_WORKERS=2 (npm test sets it: CI has two cores) the specs share the server two at a
 * time, except those that change what other specs rely on — an account's sessions or password,
 * rate-limit counters, search synonyms, the page cache, retention, other instances of the
 * server — which run one at a time after the rest. A spec that only needs an account to itself
 * makes one (registerCitizen, invitedStaff in tests/e2e/helpers) and stays with the others.
 * Unset, everything runs in one process, in file order: what running a single spec file wants (a
 * dependent project would run the whole first project before it).
 */
const alone = [
  "security/throttle.spec.ts",
  "staff/audit.spec.ts",
  "staff/retention.spec.ts",
  "staff/search-synonyms.spec.ts",
  "visitor/cache*.spec.ts",
].map((spec) => `**/e2e/${spec}`);
const workers = Number(process.env.E2E_WORKERS ?? 1);

/**
 * The browser: Debian's chromium-headless-shell where it is installed (.ci/run installs it), else
 * its chromium. The shell is the same Chromium (Blink, V8, the network stack) without the desktop
 * browser around it, and what Playwright itself runs for headless tests; the same browser specs
 * took 178 s of CPU on it against 409 s on the whole browser in its new headless mode (47 tests,
 * two workers, back to back on one machine: 104 s against 217 s). CHROMIUM_PATH chooses another.
 */
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => fs.existsSync(file)) ??
  "/usr/bin/chromium";

/**
 * Browser tests drive Debian's Chromium against `next start` (through scripts/start.ts, which
 * migrates and seeds a fresh embedded database in .e2e-data).
 */
export default defineConfig({
  testDir: "tests/e2e",
  workers,
  projects:
    workers > 1
      ? [
          { name: "shared", testIgnore: alone, workers },
          { name: "alone", testMatch: alone, dependencies: ["shared"], workers: 1 },
        ]
      : [{ name: "chromium" }],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    // a trace is recorded for every test and kept for the failed ones, which someone at this machine
    // can open; a CI machine's are never seen (its log is what is kept), so there it records none
    trace: process.env.CI ? "off" : "retain-on-failure",
  },
  webServer: [
    {
      command: `npx tsx tests/helpers/smtp-sink-server.ts ${smtpPort} ${mailFile}`,
      port: smtpPort,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: "npx tsx scripts/oidc-server.ts",
      url: `${signOn.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: { OIDC_PORT: String(signOn.port), NEXTAUTH_URL: `http://localhost:${port}` },
    },
    {
      command: "rm -rf .e2e-data && npx tsx scripts/start.ts",
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "pipe",
      env: {
        PORT: String(port),
        ONESTOP_DATA_DIR: ".e2e-data",
        NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        NEXTAUTH_URL: `http://localhost:${port}`,
        DATABASE_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        // the SMS local driver writes each message here (tests/e2e/helpers/sms.ts reads it)
        SMS_OUTBOX_FILE: `.e2e-sms-${port}.jsonl`,
        // the job runner looks for due work twice a second, so scheduled notices appear promptly
        JOB_POLL_MS: "500",
        // the unified sign-on, and the seed registers caseworker@example.cn for the staff one
        ...portalVariables(signOn),
      },
    },
  ],
});
