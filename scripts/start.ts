/**
 * npm start: refuse a PostgreSQL setup that several instances could not share (no common
 * NEXTAUTH_SECRET or bucket, unless ONESTOP_SINGLE_INSTANCE=1), build if there is no build,
 * migrate (and on first start seed) the database, then
 * serve on PORT (default 3000) through scripts/server.ts, which sets the client's address on
 * every request (TRUSTED_PROXIES names the proxies whose X-Forwarded-For it believes). `--dev`
 * runs the development server instead of the build.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../lib/config/paths";
import { databaseTarget } from "../lib/db/adapter";
import { missingForSeveralInstances, severalInstancesMessage } from "../lib/db/severalInstances";
import { DataDirError, inheritedLockEnv, lockDataDir } from "../lib/db/dataDirLock";
import { requireNode } from "./requireNode";
import { serverCommand } from "./serverCommand";

requireNode();

const dev = process.argv.includes("--dev");

const missing = missingForSeveralInstances();
if (missing.length) {
  console.error(`[onestop] ${severalInstancesMessage(missing)}`);
  process.exit(1);
}

/**
 * The embedded directory is locked for the whole start: before the build, so a second `npm start`
 * fails at once, and across the gap between migrating and the server's first query. The
 * migration step and the server open it under this lock through the token in their environment.
 */
async function lockEmbeddedDatabase(): Promise<Record<string, string>> {
  const target = databaseTarget();
  if (target.kind !== "pglite" || !target.dir) return {};
  try {
    return { [inheritedLockEnv]: (await lockDataDir(target.dir)).holder.token };
  } catch (error) {
    if (!(error instanceof DataDirError)) throw error;
    console.error(`[onestop] ${error.message}`);
    process.exit(1);
  }
}
const lockEnv = await lockEmbeddedDatabase();
const port = process.env.PORT ?? "3000";
const bin = (name: string) => path.resolve("node_modules", ".bin", name);

/** A key from the environment, or one made once and kept in the data directory. */
function keptSecret(variable: string, fileName: string): string {
  const configured = process.env[variable];
  if (configured) return configured;
  const file = path.join(dataDir(), fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: keptSecret("NEXTAUTH_SECRET", ".auth-secret"),
  // seals authenticator secrets in the database; the seed and the server must share it
  TOTP_ENCRYPTION_KEY: keptSecret("TOTP_ENCRYPTION_KEY", ".totp-key"),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  ...lockEnv,
};

// `npm run dev` with no identity platform configured starts the local one (scripts/oidc-server.ts)
// and points the portal's unified sign-on at it
if (dev && !process.env.OIDC_ISSUER) {
  const { localPlatformSettings, portalVariables } = await import("./oidc/settings");
  const signOn = localPlatformSettings(env);
  Object.assign(env, portalVariables(signOn));
  const platform = spawn(bin("tsx"), [path.join("scripts", "oidc-server.ts")], {
    stdio: "inherit",
    env: { ...env, OIDC_PORT: String(signOn.port) },
  });
  process.on("exit", () => platform.kill());
}

if (!dev && !fs.existsSync(path.join(".next", "BUILD_ID"))) {
  console.log("[onestop] no build yet: running next build");
  run(bin("next"), ["build"], env);
}
run(bin("tsx"), [path.join("scripts", "db", "prepare.ts")], env);

const { command, args, env: serverEnv } = serverCommand(dev);
const server = spawn(command, args, {
  stdio: "inherit",
  // `next start` and `next dev` set NODE_ENV themselves; a programmatic server must
  env: { ...env, ...serverEnv, PORT: port, NODE_ENV: dev ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
