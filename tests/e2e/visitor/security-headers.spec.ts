import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, signInCitizen, signInStaff } from "../helpers/accounts";
import { watchCspViolations } from "../helpers/csp";
import { gradeResponse, type TObservation } from "../helpers/observatory";

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test.describe("the Content-Security-Policy of pages", () => {
  test("each answer, from the page cache or not, has a nonce of its own that every script carries", async ({
    request,
  }) => {
    const seen = new Set<string>();
    const outcomes = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const response = await request.get("/zh-Hans/services");
      expect(response.status()).toBe(200);
      outcomes.add(response.headers()["x-onestop-cache"]);
      const nonce = nonceOf(response.headers()["content-security-policy"]);
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const html = await response.text();
      const inPage = [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([nonce]));
      // every script element is either data (JSON-LD) or carries the nonce
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        expect(tag, tag).toMatch(/nonce="|type="application\/ld\+json"/);
      seen.add(nonce!);
    }
    expect(outcomes).toContain("hit");
    expect(seen.size).toBe(4);
  });

  test("no page blocks its own scripts or styles, signed out or in", async ({ page }) => {
    const check = watchCspViolations(page);
    for (const path of [
      "/zh-Hans",
      "/en/services",
      "/zh-Hans/notices",
      "/zh-Hans/search?q=社保",
      "/zh-Hans/nope",
    ])
      await page.goto(path);
    await page.goto("/zh-Hans");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link").nth(1).click();
    await page.waitForLoadState("networkidle");
    await signInCitizen(page, "citizen@example.cn");
    await page.goto("/zh-Hans/account/cases");
    check();
  });

  test("no HSTS while the public address is plain http", async ({ request }) => {
    const response = await request.get("/zh-Hans");
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  });
});

test.describe("CSRF defence in depth", () => {
  test("a server action called from another site is refused with 403, with JS or without", async ({
    request,
  }) => {
    const withJs = await request.post("/zh-Hans/sign-in", {
      headers: {
        "Next-Action": "0".repeat(42),
        Origin: "https://evil.example",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
      maxRedirects: 0,
    });
    expect(withJs.status()).toBe(403);
    const withoutJs = await request.post("/zh-Hans/sign-in", {
      headers: { Origin: "https://evil.example" },
      multipart: {
        [`$ACTION_ID_${"0".repeat(42)}`]: "",
        email: "citizen@example.cn",
        password: demoPassword,
      },
      maxRedirects: 0,
    });
    expect(withoutJs.status()).toBe(403);
    expect(await withoutJs.text()).toContain("其他网站");
  });

  test("the API believes neither X-Forwarded-Host nor a JSON body sent as text/plain", async ({ page }) => {
    await signInCitizen(page, "citizen2@example.cn");
    const before = await page.request.get("/api/v1/tokens");
    expect(before.status()).toBe(200);
    const count = ((await before.json()) as { items: unknown[] }).items.length;
    const forged = await page.request.post("/api/v1/tokens", {
      headers: {
        Origin: "https://evil.example",
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/json",
      },
      data: JSON.stringify({ name: "forged" }),
    });
    expect(forged.status()).toBe(401);
    const plain = await page.request.post("/api/v1/tokens", {
      headers: { "Content-Type": "text/plain", "Accept-Language": "en" },
      data: JSON.stringify({ name: "plain" }),
    });
    expect(plain.status()).toBe(415);
    const { error } = (await plain.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toContain("application/json");
    const zh = await page.request.post("/api/v1/tokens", {
      headers: { "Content-Type": "text/plain", "Accept-Language": "zh-CN" },
      data: JSON.stringify({ name: "plain" }),
    });
    expect(((await zh.json()) as { error: { message: string } }).error.message).toContain("请求内容");
    const after = (await (await page.request.get("/api/v1/tokens")).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(count);
  });
});

/**
 * A second instance of the built portal whose public address is https (TLS is terminated in
 * front of it), on its own port and database: what Mozilla's HTTP Observatory would grade.
 */
const httpsPort = Number(process.env.E2E_HTTPS_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 21);
const httpsBase = `http://localhost:${httpsPort}`;
const publicOrigin = `https://localhost:${httpsPort}`;
const dataDir = `.e2e-data-https-${httpsPort}`;
let server: ChildProcess | undefined;

async function startHttpsInstance(): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(httpsPort),
      ONESTOP_DATA_DIR: dataDir,
      NEXTAUTH_URL: publicOrigin,
      NEXTAUTH_SECRET: "e2e-https-secret-not-for-production-0123456789",
      DATABASE_URL: "",
      SMTP_URL: "",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let waited = 0; waited < 240_000; waited += 1000) {
    try {
      if ((await fetch(`${httpsBase}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the https-configured instance did not start");
}

test.describe("under an https public address", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await startHttpsInstance();
  });
  test.afterAll(async () => {
    if (!server?.pid) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    // the start script and the server it runs share a process group
    process.kill(-server.pid, "SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every Set-Cookie the portal sends while a person signs in (the Observatory would see them). */
  const setCookies: string[] = [];
  /**
   * Reads each answer's headers as it arrives; `read()` waits for every answer seen so far. A read
   * still under way when the page closes fails with "Target page… has been closed": it belongs to
   * an answer after the test's last step (a prefetch), and only those are let go.
   */
  const collectCookies = (page: Page) => {
    const reads: Promise<void>[] = [];
    let done = false;
    page.on("response", (response) => {
      reads.push(
        response.headersArray().then(
          (headers) => {
            for (const header of headers)
              if (header.name.toLowerCase() === "set-cookie") setCookies.push(...header.value.split("\n"));
          },
          (error: unknown) => {
            if (!done) throw error;
          },
        ),
      );
    });
    return {
      read: async () => {
        await Promise.all(reads);
        done = true;
      },
    };
  };
  let staffCookie = "";

  test("sessions and every other cookie are Secure, HttpOnly and SameSite; HSTS is sent", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: httpsBase });
    const page = await context.newPage();
    const cookies = collectCookies(page);
    const check = watchCspViolations(page);
    await signInCitizen(page, "citizen@example.cn");
    await page.goto("/zh-Hans");
    await page.getByRole("button", { name: "长辈版" }).click();
    await expect(page.getByRole("button", { name: "退出长辈版" })).toBeVisible();
    await signInStaff(page, "caseworker@example.cn");
    for (const path of ["/staff/cases", "/staff/requests", "/staff/search"]) await page.goto(path);
    check();
    staffCookie = (await context.cookies())
      .filter((c) => c.name.includes("session-token"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    await cookies.read();
    await context.close();
    const session = setCookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session, setCookies.join("\n")).toBeDefined();
    for (const cookie of setCookies) {
      expect(cookie, cookie).toMatch(/;\s*Secure/i);
      expect(cookie, cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie, cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    }
    expect(setCookies.some((c) => c.startsWith("onestop-elder="))).toBe(true);
    const home = await fetch(`${httpsBase}/zh-Hans`);
    expect(home.headers.get("strict-transport-security")).toMatch(/max-age=(\d{8,})/);
    expect(
      Number(/max-age=(\d+)/.exec(home.headers.get("strict-transport-security")!)![1]),
    ).toBeGreaterThanOrEqual(2 * 365 * 24 * 3600);
  });

  /** The headers of one answer as the Observatory would read them at the public address. */
  async function observe(
    pathAndQuery: string,
    init: RequestInit = {},
  ): Promise<TObservation & { status: number }> {
    const response = await fetch(`${httpsBase}${pathAndQuery}`, {
      redirect: "manual",
      ...init,
      headers: { Origin: "https://observatory.example", ...(init.headers as Record<string, string>) },
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") headers[name] = value;
    });
    const body = (headers["content-type"] ?? "").startsWith("text/html") ? await response.text() : undefined;
    return {
      status: response.status,
      url: `${publicOrigin}${pathAndQuery}`,
      headers,
      setCookies: [...setCookies, ...response.headers.getSetCookie()],
      body,
    };
  }

  test("every kind of answer grades A+ by the HTTP Observatory's rules", async () => {
    expect(staffCookie).not.toBe("");
    const staff = { headers: { cookie: staffCookie } };
    const json = { "content-type": "application/json" };
    const kinds: [string, Promise<TObservation & { status: number }>, number][] = [];
    const add = (kind: string, status: number, answer: () => Promise<TObservation & { status: number }>) =>
      kinds.push([kind, answer(), status]);
    // one after the other: the first is the page cache's miss, the second its hit
    const miss = await observe("/zh-Hans/disclosure");
    const hit = await observe("/zh-Hans/disclosure");
    expect([miss.headers["x-onestop-cache"], hit.headers["x-onestop-cache"]]).toEqual(["miss", "hit"]);
    add("public page (cache miss)", 200, async () => miss);
    add("public page (cache hit)", 200, async () => hit);
    add("home page", 200, () => observe("/zh-Hans"));
    add("redirect to a locale", 307, () => observe("/"));
    add("sign-in page", 200, () => observe("/zh-Hans/sign-in"));
    add("staff page", 200, () => observe("/staff", staff));
    add("not found", 404, () => observe("/zh-Hans/no-such-page"));
    add("API GET", 200, () => observe("/api/v1/services"));
    add("API POST", 401, () => observe("/api/v1/tokens", { method: "POST", headers: json, body: "{}" }));
    add("API not found", 404, () => observe("/api/v1/files/no-such-file"));
    add("file download (CSV)", 200, () => observe("/staff/cases.csv", staff));
    add("file download (annual report)", 200, () =>
      observe("/zh-Hans/disclosure/annual-report/2025/documents.csv"),
    );
    add("feed", 200, () => observe("/zh-Hans/notices/feed.xml"));
    add("sitemap", 200, () => observe("/sitemap.xml"));
    add("robots.txt", 200, () => observe("/robots.txt"));
    const report: string[] = [];
    for (const [kind, answer, status] of kinds) {
      const observation = await answer;
      expect(observation.status, kind).toBe(status);
      const grade = gradeResponse(observation);
      report.push(`${kind}: ${grade.score} ${grade.grade}`);
      expect(grade.failed, `${kind}: ${JSON.stringify(grade.tests)}`).toEqual([]);
      expect(grade.score, kind).toBeGreaterThanOrEqual(100);
      expect(observation.headers["strict-transport-security"], kind).toMatch(/includeSubDomains/);
      for (const header of [
        "permissions-policy",
        "cross-origin-opener-policy",
        "cross-origin-resource-policy",
      ])
        expect(observation.headers[header], `${kind}: ${header}`).toBeTruthy();
    }
    console.log(report.join("\n"));
  });
});
