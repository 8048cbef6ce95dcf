import { expect, test } from "@playwright/test";
import pg from "pg";
import { limits } from "@/lib/throttle/limits";
import { errorSummary } from "../helpers/accounts";
import { encodeTrackingLookup } from "@/lib/http/trackingCookie";
import {
  freshDatabase,
  postCredentials,
  postgresUrl,
  reachable,
  signedIn,
  startInstance,
  stopInstance,
  type TInstance,
} from "../helpers/instances";

/**
 * Throttling over HTTP against the real limits (lib/throttle/limits.ts, no test setting), on two
 * instances of the built portal sharing one PostgreSQL database:
 *   direct  — trusts no proxy: X-Forwarded-For is the client's own words and is ignored;
 *   proxied — TRUSTED_PROXIES=loopback, as behind a reverse proxy on the same machine: the
 *             address the proxy reports is the client (each test uses its own addresses).
 * Both see the tests' requests from 127.0.0.1.
 */
// the ports after the suite's own server and its SMTP sink (playwright.config.ts)
const base = Number(process.env.E2E_PORT ?? 3100);
let direct: TInstance | undefined;
let proxied: TInstance | undefined;
let databaseUrl = "";

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  // two instances need a database both can open: without PostgreSQL this test fails, it is never skipped
  if (!(await reachable(postgresUrl)))
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl} (bash .ci/start-postgres.sh starts one)`);
  databaseUrl = await freshDatabase("onestop_throttle_e2e");
  // one after the other: the first migrates and seeds the empty database, the second finds it ready
  direct = await startInstance({ port: base + 2, databaseUrl });
  proxied = await startInstance({ port: base + 3, databaseUrl, env: { TRUSTED_PROXIES: "loopback" } });
});

test.afterAll(async () => {
  await stopInstance(direct);
  await stopInstance(proxied);
});

const password = "Demo-pass-2026";
const via = (address: string) => ({ "x-forwarded-for": address });

async function sql<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test("a limit holds across two instances: N wrong passwords spread over both, the next is refused on either", async () => {
  const allowed = limits.signInAccountAddress[0].points;
  for (let i = 0; i < allowed; i++) {
    const instance = i % 2 === 0 ? direct! : proxied!;
    const response = await postCredentials(instance.url, { email: "citizen2@example.cn", password: "wrong" });
    expect(response.status, `attempt ${i + 1} on ${instance.url}`).not.toBe(429);
    expect(signedIn(response)).toBe(false);
  }
  for (const instance of [direct!, proxied!]) {
    const response = await postCredentials(instance.url, { email: "citizen2@example.cn", password });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).error.code).toBe("tooManyRequests");
  }
});

test("password spraying from one address is answered 429 with Retry-After, before any password is hashed", async () => {
  const allowed = limits.signInAddress[0].points;
  for (let i = 0; i < allowed; i++) {
    const response = await postCredentials(
      proxied!.url,
      { email: `spray-${i}@example.cn`, password: "Spring2026!" },
      via("198.51.100.10"),
    );
    expect(response.status, `attempt ${i + 1}`).not.toBe(429);
  }
  const refused = await postCredentials(
    proxied!.url,
    { email: "citizen@example.cn", password },
    via("198.51.100.10"),
  );
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
  // the trusted proxy's word is believed: another client behind it is not held
  const other = await postCredentials(
    proxied!.url,
    { email: "citizen@example.cn", password },
    via("198.51.100.11"),
  );
  expect(other.status).not.toBe(429);
  expect(signedIn(other)).toBe(true);
});

test("X-Forwarded-For from a peer that is not a trusted proxy is ignored: rotating it does not escape the limit", async () => {
  const allowed = limits.signInAddress[0].points;
  let refusedAt = 0;
  for (let i = 1; i <= allowed + 1 && !refusedAt; i++) {
    const response = await postCredentials(
      direct!.url,
      { email: `rotate-${i}@example.cn`, password: "Spring2026!" },
      via(`203.0.113.${i}`),
    );
    if (response.status === 429) refusedAt = i;
  }
  expect(refusedAt, "the rotating client was refused within the per-address limit").toBeGreaterThan(0);
  // and the refusal is the client's real address, not the one it wrote
  const rows = await sql<{ ip: string }>(
    `SELECT DISTINCT ip FROM "AuditLog" WHERE action = 'auth.signIn' AND outcome = 'DENIED' AND "entityId" IS NULL`,
  );
  expect(rows.map((row) => row.ip)).not.toContain("203.0.113.1");
});

test("a guesser at one address cannot keep the account's owner out at another", async () => {
  const attacker = via("198.51.100.30");
  let refused: Response | null = null;
  for (let i = 0; i < 20 && !refused; i++) {
    const response = await postCredentials(
      proxied!.url,
      { email: "org@example.cn", password: `guess-${i}` },
      attacker,
    );
    if (response.status === 429) refused = response;
  }
  expect(refused?.status).toBe(429);
  // the owner, from their own address, signs in at once
  const owner = await postCredentials(
    proxied!.url,
    { email: "org@example.cn", password },
    via("198.51.100.31"),
  );
  expect(owner.status).not.toBe(429);
  expect(signedIn(owner)).toBe(true);
  // an unknown address is answered exactly like a wrong password for a real one
  const unknown = await postCredentials(
    proxied!.url,
    { email: "nobody@example.cn", password },
    via("198.51.100.32"),
  );
  const wrong = await postCredentials(
    proxied!.url,
    { email: "citizen@example.cn", password: "wrong" },
    via("198.51.100.33"),
  );
  expect([unknown.status, unknown.headers.get("location")]).toEqual([
    wrong.status,
    wrong.headers.get("location"),
  ]);
});

/** The reply letter, its number and 查询码 posted as its page's form posts them. */
const postLetter = (base: string, locale: string, number: string, code: string, address: string) =>
  fetch(`${base}/${locale}/disclosure/request/letter.pdf`, {
    method: "POST",
    headers: { ...via(address), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ number, code }).toString(),
  });

/** A lookup page as it is reached after the form's POST: the tracking cookie and the `lookup` id it names. */
const lookupPage = (
  base: string,
  path: string,
  trackingNumber: string,
  accessCode: string,
  address: string,
) => {
  const id = "0123456789abcdef";
  return fetch(`${base}${path}?lookup=${id}`, {
    headers: {
      ...via(address),
      cookie: `onestop-track=${encodeTrackingLookup({ id, trackingNumber, accessCode })}`,
    },
  });
};

test("查询码 guessing is limited per address and per tracking number, and audited without the code", async () => {
  const letter = (number: string, code: string, address: string) =>
    postLetter(proxied!.url, "zh-Hans", number, code, address);
  // per address: a different number each time
  const perAddress = limits.accessCodeAddress[0].points;
  for (let i = 0; i < perAddress; i++)
    expect(
      (await letter(`GK2026010100${String(i).padStart(4, "0")}`, "ABCDEF", "198.51.100.40")).status,
    ).toBe(404);
  const byAddress = await letter("GK20260101009999", "ABCDEF", "198.51.100.40");
  expect(byAddress.status).toBe(429);
  expect(Number(byAddress.headers.get("retry-after"))).toBeGreaterThan(0);
  // per number: a different address each time
  const perNumber = limits.accessCodeNumber[0].points;
  for (let i = 0; i < perNumber; i++)
    expect((await letter("GK20260202000001", "ABCDEF", `198.51.100.${50 + i}`)).status).toBe(404);
  expect((await letter("GK20260202000001", "ABCDEF", "198.51.100.99")).status).toBe(429);
  // the track page says how long to wait, in the page's language
  const page = await lookupPage(proxied!.url, "/en/track", "GK20260202000001", "ABCDEF", "198.51.100.98");
  expect(await page.text()).toContain("Too many attempts");

  const audited = await sql<{ action: string; ip: string; detail: unknown }>(
    `SELECT action, ip, detail FROM "AuditLog" WHERE action LIKE 'accessCode.%' AND "entityId" = 'GK20260202000001'`,
  );
  expect(audited.some((row) => row.action === "accessCode.failed")).toBe(true);
  expect(audited.some((row) => row.action === "accessCode.throttled" && row.ip === "198.51.100.99")).toBe(
    true,
  );
  expect(JSON.stringify(audited)).not.toContain("ABCDEF");
});

test("the pages that look up a 查询码 answer 429 with Retry-After and a page in the visitor's language", async () => {
  // GK20260303000001 is held for every address once its own limit is used up (from many addresses)
  const number = "GK20260303000001";
  for (let i = 0; i < limits.accessCodeNumber[0].points; i++)
    expect(
      (await lookupPage(proxied!.url, "/en/track", number, "ABCDEF", `198.51.100.${140 + i}`)).status,
    ).toBe(200);
  const pages = [
    {
      path: "/en/track",
      lang: "en",
      text: "Too many attempts",
      get: (base: string) => lookupPage(base, "/en/track", number, "ABCDEF", "198.51.100.160"),
    },
    {
      path: "/zh-Hant/disclosure/request/confirmation",
      lang: "zh-Hant",
      text: "嘗試次數過多",
      get: (base: string) =>
        lookupPage(base, "/zh-Hant/disclosure/request/confirmation", number, "ABCDEF", "198.51.100.160"),
    },
    {
      path: "/zh-Hans/disclosure/request/letter.pdf",
      lang: "zh-Hans",
      text: "尝试次数过多",
      get: (base: string) => postLetter(base, "zh-Hans", number, "ABCDEF", "198.51.100.160"),
    },
  ];
  for (const { path, lang, text, get } of pages) {
    const response = await get(proxied!.url);
    expect(response.status, path).toBe(429);
    expect(Number(response.headers.get("retry-after")), path).toBeGreaterThan(0);
    expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html, path).toContain(`<html lang="${lang}"`);
    expect(html, path).toContain(text);
  }
  // a number over its limit is refused on the other instance too
  expect((await pages[0].get(direct!.url)).status).toBe(429);
  // every refusal is audited, with the address it came from
  const audited = await sql<{ ip: string }>(
    `SELECT ip FROM "AuditLog" WHERE action = 'accessCode.throttled' AND "entityId" = $1`,
    [number],
  );
  expect(audited.filter((row) => row.ip === "198.51.100.160").length).toBeGreaterThanOrEqual(3);
});

test("the search page is limited per client address: 429 with Retry-After and a page in its language", async () => {
  const search = (address: string) =>
    fetch(`${proxied!.url}/en/search?q=${encodeURIComponent("社保")}`, { headers: via(address) });
  for (let i = 0; i < limits.search[0].points; i++)
    expect((await search("198.51.100.180")).status, `search ${i + 1}`).toBe(200);
  const refused = await search("198.51.100.180");
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  const html = await refused.text();
  expect(html).toContain('<html lang="en"');
  expect(html).toContain("Too many requests");
  // another address searches on
  expect((await search("198.51.100.181")).status).toBe(200);
});

test("the search page and the search API count together: over the limit on either, the other answers 429", async () => {
  const address = "198.51.100.182";
  const q = encodeURIComponent("社保");
  const page = () => fetch(`${proxied!.url}/en/search?q=${q}`, { headers: via(address) });
  const api = () => fetch(`${proxied!.url}/api/v1/search?q=${q}`, { headers: via(address) });
  // the page counts first (the server in front of Next), then the API (Next's bundle) the rest
  expect((await page()).status).toBe(200);
  for (let i = 1; i < limits.search[0].points; i++) expect((await api()).status, `search ${i + 1}`).toBe(200);
  const refused = await api();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: { code: "tooManyRequests" } });
  expect((await page()).status).toBe(429);
});

test("the staff sign-in form, over the limit, says how long to wait and keeps the e-mail typed", async ({
  browser,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: via("198.51.100.70") });
  const page = await context.newPage();
  const attempt = async (pw: string) => {
    await page.goto(`${proxied!.url}/staff/sign-in`);
    await page.locator("#field-email").fill("caseworker@example.cn");
    await page.locator("#field-password").fill(pw);
    await page.locator("form button[type=submit]").last().click();
    await expect(errorSummary(page)).toBeVisible();
  };
  for (let i = 0; i < limits.signInAccountAddress[0].points; i++) await attempt(`wrong-${i}`);
  await attempt(password);
  await expect(errorSummary(page)).toContainText(/请等待 1[45] 分钟后再试/);
  await expect(page.locator("#field-email")).toHaveValue("caseworker@example.cn");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await context.close();
});
