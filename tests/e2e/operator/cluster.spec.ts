import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import S3rver from "s3rver";
import { signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import {
  killInstance,
  postCredentials,
  startInstance,
  stopInstance,
  type TInstance,
} from "../helpers/instances";

/**
 * Two instances of the built portal on a PostgreSQL and an S3-compatible server of the test's own,
 * under 50 clients submitting applications with an upload, alternately to each instance; during
 * the run one instance is killed (SIGKILL) and started again, and PostgreSQL is restarted. Then:
 * every acknowledged case exists exactly once, every upload reads back through both instances,
 * a session made on one works on the other, an edit on one shows on the other within a second,
 * and a job scheduled before the restarts ran exactly once. Then, with PostgreSQL stopped, what a
 * visitor gets from a third instance: public pages from their last copy, every other page a plain
 * page in its language (with script or without), the API a 503.
 */
const base = Number(process.env.E2E_PORT ?? 3100);
const pgPort = base + 7;
const pgBase = path.join(os.tmpdir(), `onestop-cluster-pg-${pgPort}`);
const clients = 50;

let pgBin = "";
let databaseUrl = "";
let s3: S3rver | undefined;
let s3Dir = "";
const instances: (TInstance | undefined)[] = [];
let env: Record<string, string> = {};

function postgresBin(): string {
  const found = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
        .find((dir) => fs.existsSync(`${dir}/pg_ctl`))
    : undefined;
  // this test needs a PostgreSQL it may restart: without one installed it fails, it is never skipped
  if (!found) throw new Error("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)");
  return found;
}

// the server pg_ctl starts keeps its output open: it goes to the log file, never to a pipe this
// process would wait on
const pgCtl = (...args: string[]) =>
  promisify(execFile)("runuser", [
    "-u",
    "postgres",
    "--",
    `${pgBin}/pg_ctl`,
    "-D",
    `${pgBase}/data`,
    "-l",
    `${pgBase}/log`,
    ...args,
  ]);

async function sql<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial", timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  pgBin = postgresBin();
  databaseUrl = execFileSync("bash", [".ci/start-postgres.sh"], {
    env: { ...process.env, PGPORT: String(pgPort), PGBASE: pgBase },
    encoding: "utf8",
  }).trim();
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-cluster-s3-"));
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: "onestop", configs: [] }],
  });
  const { port } = await s3.run();
  env = {
    S3_BUCKET: "onestop",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    // both instances share a secret and a bucket: npm start's several-instances check passes on its own
    ONESTOP_SINGLE_INSTANCE: "",
    // each client speaks from an address of its own (X-Forwarded-For), as behind a load balancer
    TRUSTED_PROXIES: "loopback",
    JOB_POLL_MS: "500",
    // a copy would live a minute: only the other instance dropping it shows the edit within a second
    PAGE_CACHE_TTL_MS: "60000",
  };
  // one after the other: the first migrates and seeds the empty database, the second finds it ready
  instances[0] = await startInstance({ port: base + 9, databaseUrl, env });
  instances[1] = await startInstance({ port: base + 10, databaseUrl, env });
});

test.afterAll(async () => {
  for (const instance of instances) await stopInstance(instance);
  await s3?.close();
  if (s3Dir) fs.rmSync(s3Dir, { recursive: true, force: true });
  if (pgBin) {
    try {
      await pgCtl("-m", "immediate", "-w", "stop");
    } catch {
      // already stopped
    }
    fs.rmSync(pgBase, { recursive: true, force: true });
  }
});

type TAcknowledged = { client: number; trackingNumber: string; uploadId: string };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One citizen program: an upload, then the application with its Idempotency-Key, until acknowledged. */
async function submitOne(client: number, token: string, deadline: number): Promise<TAcknowledged> {
  const key = randomUUID();
  const headers = { Authorization: `Bearer ${token}`, "X-Forwarded-For": `10.77.${client}.1` };
  let uploadId: string | null = null;
  for (let attempt = 0; ; attempt++) {
    // alternately to each instance, and to the other one after a failure
    const instance = instances[(client + attempt) % 2]!;
    try {
      if (!uploadId) {
        const form = new FormData();
        form.append("service", "RS-JYDJ-001");
        form.append("field", "idCardCopy");
        form.append("file", new Blob([pdfFile.buffer], { type: "application/pdf" }), `id-${client}.pdf`);
        const uploaded = await fetch(`${instance.url}/api/v1/uploads`, {
          method: "POST",
          headers,
          body: form,
        });
        if (uploaded.status !== 201) throw new Error(`upload ${uploaded.status}`);
        uploadId = ((await uploaded.json()) as { id: string }).id;
      }
      const submitted = await fetch(`${instance.url}/api/v1/applications`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": key },
        body: JSON.stringify({
          serviceCode: "RS-JYDJ-001",
          answers: {
            fullName: "张晓明",
            idNumber: "510104199003071237",
            mobile: "13800280001",
            employer: `集群测试单位${client}`,
            startDate: "2026-11-02",
            employmentType: "full-time",
          },
          uploads: { idCardCopy: uploadId },
        }),
      });
      if (submitted.status !== 201 && submitted.status !== 200) throw new Error(`apply ${submitted.status}`);
      const { trackingNumber } = (await submitted.json()) as { trackingNumber: string };
      return { client, trackingNumber, uploadId };
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`client ${client} gave up: ${String(error)}`);
      await sleep(200 + Math.min(attempt, 10) * 100);
    }
  }
}

test("the cluster keeps every acknowledged case, file, session and job through a crash and a database restart", async ({
  browser,
}) => {
  const [a, b] = instances as TInstance[];
  // a citizen signs in on one instance; the session works on the other
  const signIn = await postCredentials(a.url, { email: "citizen@example.cn", password: "Demo-pass-2026" });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  expect((await fetch(`${b.url}/api/v1/applications`, { headers: { cookie } })).status).toBe(200);
  const minted = await fetch(`${a.url}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie, origin: a.url, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "cluster test" }),
  });
  expect(minted.status).toBe(201);
  const { token } = (await minted.json()) as { token: string };

  // a job scheduled before the restarts: a window of repeated refusals closing in 15 s
  const [{ id: refusalId }] = await sql<{ id: string }>(
    `INSERT INTO "AuditRefusal" ("id", "key", "windowStart", "action", "entityType", "count", "firstAt", "lastAt")
     VALUES ($1, $1, now(), 'cluster.probe', 'Probe', 5, now(), now()) RETURNING "id"`,
    [`probe${randomUUID().slice(0, 8)}`],
  );
  await sql(
    `INSERT INTO "Job" ("id", "kind", "payload", "runAt", "uniqueKey")
     VALUES ($1, 'audit.refusalSummary', $2, (now() AT TIME ZONE 'UTC') + interval '15 seconds', $1)`,
    [`cluster-probe-${refusalId}`, JSON.stringify({ id: refusalId })],
  );

  const started = Date.now();
  const deadline = started + 240_000;
  const submissions = Promise.allSettled(
    Array.from({ length: clients }, (_, client) =>
      sleep(client * 60).then(() => submitOne(client, token, deadline)),
    ),
  );
  // during the run: one instance crashes and comes back, and PostgreSQL restarts once
  await sleep(1500);
  await killInstance(b);
  const restarted = startInstance({ port: base + 10, databaseUrl, env }).then((instance) => {
    instances[1] = instance;
    return instance;
  });
  await sleep(1500);
  const pgRestart = Date.now();
  await pgCtl("-m", "fast", "-w", "restart");
  console.log(`[cluster] PostgreSQL restarted in ${Date.now() - pgRestart} ms`);
  const settled = await submissions;
  const b2 = await restarted;
  const failures = settled.filter((s) => s.status === "rejected");
  expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
  const acknowledged = settled.map((s) => (s as PromiseFulfilledResult<TAcknowledged>).value);

  // every acknowledged case exists exactly once, with a number of its own
  const rows = await sql<{ trackingNumber: string; n: string }>(
    `SELECT "trackingNumber", count(*) AS n FROM "Application" WHERE "trackingNumber" = ANY($1) GROUP BY 1`,
    [acknowledged.map((s) => s.trackingNumber)],
  );
  const [{ total }] = await sql<{ total: string }>(
    `SELECT count(*) AS total FROM "Application" a JOIN "User" u ON u."id" = a."applicantId" WHERE u."email" = 'citizen@example.cn'
       AND a."answers"->>'employer' LIKE '集群测试单位%'`,
  );
  const numbers = new Set(acknowledged.map((s) => s.trackingNumber));
  console.log(
    `[cluster] ${acknowledged.length} acknowledged, ${rows.length} present, ${Number(total) - numbers.size} duplicates, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(numbers.size).toBe(clients);
  expect(rows).toHaveLength(clients);
  expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
  expect(Number(total)).toBe(clients);

  // every upload reads back, byte for byte, through both instances (one of them restarted)
  for (const { uploadId } of acknowledged)
    for (const instance of [a, b2]) {
      const file = await fetch(`${instance.url}/api/v1/files/${uploadId}`, { headers: { cookie } });
      expect(file.status, `${uploadId} on ${instance.url}`).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(pdfFile.buffer)).toBe(true);
    }
  // the session made before the crash still works on the restarted instance
  expect((await fetch(`${b2.url}/api/v1/applications`, { headers: { cookie } })).status).toBe(200);

  // an edit on one instance is visible anonymously on the other within a second
  const pagePath = "/zh-Hans/disclosure/JXW/2025-00001";
  await fetch(`${b2.url}${pagePath}`);
  expect((await fetch(`${b2.url}${pagePath}`)).headers.get("x-onestop-cache")).toBe("hit");
  const context = await browser.newContext({ baseURL: a.url });
  const page = await context.newPage();
  await signInStaff(page, "editor@example.cn");
  await page.goto("/staff/documents/JXW/2025-00001");
  const title = `${await page.locator("#doc-title").inputValue()}（集群${Date.now() % 100000}）`;
  await page.locator("#doc-title").fill(title);
  await page.locator("section[aria-labelledby=edit]").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  const saved = Date.now();
  await expect
    .poll(async () => (await fetch(`${b2.url}${pagePath}`)).text(), { timeout: 1000, intervals: [50] })
    .toContain(title);
  console.log(`[cluster] the edit showed on the other instance after ${Date.now() - saved} ms`);
  await context.close();

  // the job scheduled before the restarts ran exactly once
  await expect
    .poll(
      async () =>
        (
          await sql(
            `SELECT 1 FROM "Job" WHERE "kind" = 'audit.refusalSummary' AND "doneAt" IS NOT NULL AND "payload"->>'id' = $1`,
            [refusalId],
          )
        ).length,
      { timeout: 30_000 },
    )
    .toBe(1);
  const [job] = await sql<{ attempts: number }>(`SELECT "attempts" FROM "Job" WHERE "payload"->>'id' = $1`, [
    refusalId,
  ]);
  expect(job.attempts).toBe(1);
  const summaries = await sql(`SELECT 1 FROM "AuditLog" WHERE "action" = 'cluster.probe'`);
  expect(summaries).toHaveLength(1);
});

test("while PostgreSQL is down, public pages still read and every other page says so, in its language, without script", async ({
  browser,
}) => {
  // an instance of its own whose copies run out in a second: only stale-if-error can answer past that
  const c = await startInstance({ port: base + 8, databaseUrl, env: { ...env, PAGE_CACHE_TTL_MS: "1000" } });
  instances.push(c);
  const signIn = await postCredentials(c.url, { email: "citizen@example.cn", password: "Demo-pass-2026" });
  const cookie = signIn.headers
    .getSetCookie()
    .map((part) => part.split(";")[0])
    .join("; ");
  const services = await fetch(`${c.url}/en/services`);
  expect(services.status).toBe(200);
  const servicesHeading = /<h1[^>]*>(.*?)<\/h1>/.exec(await services.text())?.[1];
  expect(servicesHeading).toBeTruthy();

  await pgCtl("-m", "fast", "-w", "stop");
  try {
    await sleep(1500);
    // the public page's last copy, for this visitor only
    const stale = await fetch(`${c.url}/en/services`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("x-onestop-cache")).toBe("stale");
    expect(stale.headers.get("cache-control")).toContain("private");
    expect(await stale.text()).toContain(`>${servicesHeading}</h1>`);

    // a signed-in page and a public page never rendered: a plain page in the page's language, with a reference
    for (const [path, headers, title] of [
      ["/en/account", { cookie }, "Sorry, this page is not working"],
      ["/zh-Hant/notices", {}, "頁面暫時無法顯示"],
    ] as const) {
      const failed = await fetch(`${c.url}${path}`, { headers });
      expect(failed.status, path).toBe(500);
      const html = await failed.text();
      expect(html, path).toContain(`<h1>${title}</h1>`);
      expect(html, path).not.toContain("<script");
      const reference = /([0-9a-f]{8})<\/p>/.exec(html)?.[1];
      expect(c.output.join(""), path).toContain(`[page ${reference}] GET ${path} failed`);
    }

    // the API says the database is out of reach, and when to try again
    const api = await fetch(`${c.url}/api/v1/services`);
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("10");
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unavailable");

    // in a browser without script the page reads the same; with script, a move to another page
    // from the stale copy ends on the failure page in the page's language, not on a blank one
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ baseURL: c.url, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/zh-Hans/track");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
      await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/zh-Hans");
      if (javaScriptEnabled) {
        await page.goto("/en/services");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(servicesHeading!);
        await page.locator("header").getByRole("link", { name: "Track a case" }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, this page is not working");
      }
      await context.close();
    }
  } finally {
    // restart reads the options the server last ran with (its port, its socket directory)
    await pgCtl("-w", "restart");
  }
  // back: the pages render again
  await expect
    .poll(async () => (await fetch(`${c.url}/zh-Hant/notices`)).status, { timeout: 30_000 })
    .toBe(200);
});
