import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withFailedPageAnswer } from "./failedPage";
import { withRenderSlots } from "./renderSlots";

type THandler = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
/** The compression Next itself wraps its answers in (it patches writeHead, write and end in turn). */
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  next: () => void,
) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(
  handle: THandler,
  skips: (request: http.IncomingMessage) => boolean = () => false,
  slots?: number,
) {
  // as scripts/server.ts has it: the render slots around the failed page's answer around Next
  const failed = withFailedPageAnswer(handle, skips);
  const wrapped = slots ? withRenderSlots(failed, slots) : failed;
  const server = http.createServer((request, response) => void wrapped(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const nextShell =
  '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>boom()</script></body></html>';

/** A handler that answers as Next does for a page that failed: 500, HTML, the shell written in pieces, gzipped when asked. */
const failingLikeNext =
  (status = 500, type = "text/html; charset=utf-8"): THandler =>
  (request, response) =>
    new Promise((resolve) => {
      compression()(request, response, () => {
        response.statusCode = status;
        response.setHeader("content-type", type);
        response.setHeader("x-from-next", "1");
        response.write(nextShell.slice(0, 20));
        setTimeout(() => {
          response.end(nextShell.slice(20), () => resolve());
        }, 5);
      });
    });

const quiet = () => vi.spyOn(console, "error").mockImplementation(() => undefined);

describe("a page that fails in Next", () => {
  it("is answered with a plain page in the page's language, with a reference logged beside the path", async () => {
    const logged = quiet();
    const base = await serve(failingLikeNext());
    for (const [path, language, title] of [
      ["/en/account", "en", "Sorry, this page is not working"],
      ["/zh-Hant/track?x=1", "zh-Hant", "頁面暫時無法顯示"],
      ["/zh-Hans/notices", "zh-Hans", "页面暂时无法显示"],
    ]) {
      const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } });
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(response.headers.get("x-from-next")).toBeNull();
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      const page = await response.text();
      expect(page).toContain(`<html lang="${language}">`);
      expect(page).toContain(`<h1>${title}</h1>`);
      expect(page).not.toContain("__next_error__");
      expect(page).not.toContain("<script");
      const reference = /([0-9a-f]{8})<\/p>/.exec(page)?.[1];
      expect(reference, "a reference on the page").toBeDefined();
      expect(logged.mock.calls.flat().join("\n")).toContain(
        `[page ${reference}] GET ${path.split("?")[0]} failed`,
      );
    }
  });

  it("speaks the browser's language where the path names none, and links a staff page to the staff's home", async () => {
    quiet();
    const base = await serve(failingLikeNext());
    const staff = await fetch(`${base}/staff/requests`, { headers: { "accept-language": "zh-TW,zh;q=0.9" } });
    const page = await staff.text();
    expect(page).toContain('<html lang="zh-Hant">');
    expect(page).toContain('<a href="/staff">');
  });

  it("answers HEAD with the headers only", async () => {
    quiet();
    const base = await serve(failingLikeNext());
    const head = await fetch(`${base}/en/account`, { method: "HEAD" });
    const get = await fetch(`${base}/en/account`);
    expect(head.status).toBe(500);
    expect(head.headers.get("x-from-next")).toBeNull();
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(Number(get.headers.get("content-length"))).toBe(Buffer.byteLength(await get.text()));
    expect(await head.text()).toBe("");
  });

  it("leaves every other answer as Next wrote it: a page that rendered, the API, a client navigation, the cache's own render", async () => {
    const logged = quiet();
    const rendered = await serve(failingLikeNext(200));
    const ok = await fetch(`${rendered}/en/account`, { headers: { "accept-encoding": "gzip" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-from-next")).toBe("1");
    expect(await ok.text()).toBe(nextShell);
    // compressed as Next compresses, untouched
    const raw = await new Promise<Buffer>((resolve) =>
      http.get(`${rendered}/en/account`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => resolve(Buffer.concat(parts)));
      }),
    );
    expect(gunzipSync(raw).toString()).toBe(nextShell);

    const failing = await serve(failingLikeNext(), (request) => request.headers["x-fill"] === "1");
    for (const [path, headers] of [
      ["/api/v1/services", {}],
      ["/en/account", { rsc: "1" }],
      ["/en/account", { "next-action": "abc" }],
      ["/_next/static/chunks/x.js", {}],
      ["/en/account", { "x-fill": "1" }],
    ] as const) {
      const answer = await fetch(`${failing}${path}`, { headers });
      expect(answer.status, path).toBe(500);
      expect(answer.headers.get("x-from-next"), path).toBe("1");
      expect(await answer.text()).toBe(nextShell);
    }
    const json = await serve(failingLikeNext(503, "application/json"));
    expect(await (await fetch(`${json}/en/account`)).text()).toBe(nextShell);
    // a 503 page a route means to send, with its own Retry-After
    const meant = await serve(failingLikeNext(503));
    const unavailable = await fetch(`${meant}/en/account`);
    expect(unavailable.status).toBe(503);
    expect(await unavailable.text()).toBe(nextShell);
    expect(logged).not.toHaveBeenCalled();
  });

  it("replaces a failed form post too: a browser without script gets the page, not a blank one", async () => {
    quiet();
    const base = await serve(failingLikeNext());
    const answer = await fetch(`${base}/en/track`, { method: "POST", body: "a=1" });
    expect(answer.status).toBe(500);
    expect(await answer.text()).toContain("Sorry, this page is not working");
  });
});

describe("a failed page behind the render slots", () => {
  it("lets Next write a failure streamed in pieces to its end, as its own pipe does", async () => {
    quiet();
    const settled: string[] = [];
    // Next's writer: each piece written, waiting for 'drain' when the response asks it to
    const streaming: THandler = (request, response) =>
      new Promise((resolve) => {
        compression()(request, response, async () => {
          response.statusCode = 500;
          response.setHeader("content-type", "text/html; charset=utf-8");
          for (let piece = 0; piece < 5; piece++) {
            if (!response.write(`<p>${piece}</p>`.repeat(2000)))
              await new Promise((r) => response.once("drain", r));
            await new Promise((r) => setTimeout(r, 2));
          }
          // Next's compression takes no callback at the end: the pipe is done once end returns
          response.end();
          settled.push(request.url ?? "");
          resolve();
        });
      });
    const base = await serve(streaming, () => false, 2);
    const pages = await Promise.all(
      [1, 2, 3].map((n) => fetch(`${base}/en/account?${n}`).then((r) => r.text())),
    );
    for (const page of pages) expect(page).toContain("Sorry, this page is not working");
    await expect.poll(() => settled.length, { timeout: 2000 }).toBe(3);
  });
});
