import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { reachable, testDatabaseUrl } from "../../../scripts/reachable";

/**
 * Instances of the portal started by a spec, with their own settings (TRUSTED_PROXIES…), through
 * `npm start`'s own script over the existing build, on one PostgreSQL database that the spec
 * creates fresh: the real server, the real database, more than one process.
 */
export const postgresUrl = testDatabaseUrl;
export { reachable };

/** A fresh database beside the test database on the same server; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export type TInstance = { url: string; process: ChildProcess; output: string[] };

export async function startInstance(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}) {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO: "1",
      NEXTAUTH_SECRET: "throttle-spec-secret-0123456789abcdef",
      NEXTAUTH_URL: url,
      ONESTOP_DATA_DIR: `.e2e-instance-${options.port}`,
      TRUSTED_PROXIES: "",
      SMTP_URL: "",
      // npm start refuses PostgreSQL without shared object storage; a spec that uploads passes
      // S3_BUCKET (and its S3_* settings) with ONESTOP_SINGLE_INSTANCE: ""
      ONESTOP_SINGLE_INSTANCE: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // a process group of its own: killInstance can take the server down with the script that started it
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${options.port} exited:\n${output.join("")}`);
    const up = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, process: child, output } satisfies TInstance;
    if (Date.now() > deadline)
      throw new Error(`instance on ${options.port} did not start:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function stopInstance(instance: TInstance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  instance.process.kill("SIGTERM");
  await exited;
}

/** Kills an instance as a crash would (SIGKILL to npm start and the server it started), and waits. */
export async function killInstance(instance: TInstance): Promise<void> {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  process.kill(-instance.process.pid!, "SIGKILL");
  await exited;
}

/** A fresh next-auth CSRF token and its cookie, from one instance (valid on every instance: same secret). */
async function csrf(base: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

/** One sign-in through next-auth's credentials endpoint, as a program would; the raw response. */
export async function postCredentials(
  base: string,
  form: { email: string; password: string; portal?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const { token, cookie } = await csrf(base);
  return fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: new URLSearchParams({ ...form, portal: form.portal ?? "public", csrfToken: token }).toString(),
  });
}

/** Whether next-auth set a session cookie: the sign-in succeeded. */
export const signedIn = (response: Response) =>
  response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
