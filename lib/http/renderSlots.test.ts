import http from "node:http";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  defaultQueueWaitMs,
  needsNoSlot,
  queuedReadsPerSlot,
  renderQueueWaitMs,
  renderSlotCount,
  withRenderSlots,
  writeSlotsPerRenderSlot,
  type THandler,
} from "./renderSlots";
import { overloadRetryAfterSeconds } from "./busyAnswer";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real server whose requests go through the slots; the handler is the test's. */
async function serve(
  handle: THandler,
  slots: number,
  options?: Parameters<typeof withRenderSlots>[2],
): Promise<string> {
  const limited = withRenderSlots(handle, slots, options);
  const server = http.createServer((request, response) => void limited(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server whose handler answers with the path after a moment, counting how many were in it at once. */
async function countingServer(slots: number) {
  const seen = { inside: 0, most: 0 };
  const base = await serve(async (request, response) => {
    seen.most = Math.max(seen.most, ++seen.inside);
    await pause(20);
    seen.inside--;
    response.end(request.url);
  }, slots);
  return { base, seen };
}

describe("render slots", () => {
  it("lets at most the given number of requests into the handler at once, and answers every one", async () => {
    const { base, seen } = await countingServer(3);
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fetch(`${base}/${i}`).then((r) => r.text())),
    );
    expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => `/${i}`));
    expect(seen.most).toBe(3);
  });

  it("gives a slot back after the hold limit when an answer is never finished", async () => {
    const base = await serve(
      async (request, response) => {
        if (request.url === "/stuck") {
          // headers sent, body never ended: a download a client does not take
          response.writeHead(200).write("partial");
          return;
        }
        response.end("next");
      },
      1,
      { holdLimitMs: 100 },
    );
    const stuck = await fetch(`${base}/stuck`);
    expect(stuck.status).toBe(200);
    const started = Date.now();
    expect(await (await fetch(`${base}/after`)).text()).toBe("next");
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    await stuck.body?.cancel();
  });

  it("leaves Next's own wrappers of the answer in place when it gives a slot back before the answer ends", async () => {
    // Next's compression wraps write and end after the slot did: the second half, written after
    // the hold limit, must still go through it
    const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (
      request: http.IncomingMessage,
      response: http.ServerResponse,
      next: () => void,
    ) => void;
    const base = await serve(
      (request, response) =>
        new Promise<void>((resolve) =>
          compression()(request, response, async () => {
            response.setHeader("content-type", "text/html");
            response.write("first half, ");
            await pause(150);
            response.end("second half");
            resolve();
          }),
        ),
      1,
      { holdLimitMs: 50 },
    );
    const body = await new Promise<Buffer>((resolve, reject) =>
      http
        .get(`${base}/page`, { headers: { "accept-encoding": "gzip" } }, (response) => {
          const parts: Buffer[] = [];
          response.on("data", (part: Buffer) => parts.push(part));
          response.on("end", () => resolve(Buffer.concat(parts)));
        })
        .on("error", reject),
    );
    expect(gunzipSync(body).toString()).toBe("first half, second half");
  });

  it("gives a slot back when the client stops taking the answer, without waiting for the hold limit", async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, "x");
    const base = await serve(async (request, response) => {
      if (request.url === "/download") response.end(big);
      else response.end("next");
    }, 1);
    const port = new URL(base).port;
    // a client that asks for a large answer and never reads it
    const net = await import("node:net");
    const stalled = net.connect(Number(port), "127.0.0.1");
    stalled.pause();
    stalled.write("GET /download HTTP/1.1\r\nHost: x\r\n\r\n");
    await pause(100);
    const started = Date.now();
    expect(await (await fetch(`${base}/after`)).text()).toBe("next");
    expect(Date.now() - started).toBeLessThan(2000);
    stalled.destroy();
  });

  it("never queues a request with a body behind page renders: its client may be slow to send it", async () => {
    let release!: () => void;
    const base = await serve(async (request, response) => {
      if (request.url === "/slow-page") await new Promise<void>((resolve) => (release = resolve));
      response.end(request.method);
    }, 1);
    const page = fetch(`${base}/slow-page`);
    await pause(50);
    // the one slot is taken, and the form post goes through anyway
    expect(await (await fetch(`${base}/form`, { method: "POST", body: "a=1" })).text()).toBe("POST");
    release();
    expect(await (await page).text()).toBe("GET");
  });

  it("bounds requests with a body too, in a pool of their own", async () => {
    const { base, seen } = await countingServer(1);
    const posts = Array.from({ length: writeSlotsPerRenderSlot * 3 }, () =>
      fetch(`${base}/form`, { method: "POST", body: "a=1" }).then((r) => r.text()),
    );
    expect(await Promise.all(posts)).toEqual(Array(writeSlotsPerRenderSlot * 3).fill("/form"));
    expect(seen.most).toBe(writeSlotsPerRenderSlot);
  });

  it("lets a request the slots' requests wait for skip the queue", async () => {
    let base = "";
    base = await serve(
      async (request, response) => {
        // as a page's first visitors wait for the page cache's own render of it
        if (request.url === "/page") {
          const copy = await fetch(`${base}/fill`, { headers: { "x-fill": "1" } });
          response.end(`page from ${await copy.text()}`);
        } else response.end("the fill");
      },
      2,
      { skipsQueue: (request) => request.headers["x-fill"] === "1" },
    );
    const pages = await Promise.all(
      Array.from({ length: 4 }, () => fetch(`${base}/page`).then((r) => r.text())),
    );
    expect(pages).toEqual(Array(4).fill("page from the fill"));
  });

  it("does not render for a client that left while it waited", async () => {
    const handled: string[] = [];
    let release!: () => void;
    const base = await serve(async (request, response) => {
      handled.push(request.url ?? "");
      if (request.url === "/first") await new Promise<void>((resolve) => (release = resolve));
      response.end("done");
    }, 1);
    const first = fetch(`${base}/first`);
    await pause(50);
    const gone = new AbortController();
    const waiting = fetch(`${base}/gone`, { signal: gone.signal }).catch(() => "aborted");
    await pause(50);
    gone.abort();
    expect(await waiting).toBe("aborted");
    await pause(50);
    release();
    expect(await (await first).text()).toBe("done");
    expect(await (await fetch(`${base}/third`)).text()).toBe("done");
    expect(handled).toEqual(["/first", "/third"]);
  });

  describe("a read that waits too long for a slot", () => {
    /**
     * One slot, held by /zh-Hans/held until `release` (resolved once the handler holds it); reads
     * wait `queueWaitMs` (150 ms unless given) for the slot at most.
     */
    async function heldServer(options: Parameters<typeof withRenderSlots>[2] = {}) {
      const handled: string[] = [];
      let release!: () => void;
      let entered!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const base = await serve(
        async (request, response) => {
          handled.push(`${request.method} ${request.url}`);
          if (request.url === "/zh-Hans/held") {
            entered();
            await held;
          }
          response.end("rendered");
        },
        1,
        { queueWaitMs: 150, ...options },
      );
      const first = fetch(`${base}/zh-Hans/held`);
      await inside;
      return { base, handled, release, first };
    }

    it("is answered 503 busy with Retry-After in the page's language, and is never rendered", async () => {
      const { base, handled, release, first } = await heldServer();
      const started = Date.now();
      const [english, traditional, staff] = await Promise.all([
        fetch(`${base}/en/services?q=<script>`),
        fetch(`${base}/zh-Hant/notices`),
        fetch(`${base}/staff`, { headers: { "accept-language": "en-GB,en;q=0.9" } }),
      ]);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(5000);
      for (const answer of [english, traditional, staff]) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get("retry-after")).toBe(String(overloadRetryAfterSeconds));
        expect(answer.headers.get("cache-control")).toBe("no-store");
        expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(answer.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
        expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      }
      const page = await english.text();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain("The portal is busy");
      expect(page).toContain('<a href="/en">');
      expect(page).not.toContain("<script");
      expect(await traditional.text()).toContain("系統繁忙");
      // a path without a language speaks the browser's, and leads back to where it was
      const staffPage = await staff.text();
      expect(staffPage).toContain("The portal is busy");
      expect(staffPage).toContain('<a href="/staff">');
      release();
      expect(await (await first).text()).toBe("rendered");
      // the slot is free again: the next read is rendered
      expect(await (await fetch(`${base}/en/after`)).text()).toBe("rendered");
      expect(handled).toEqual(["GET /zh-Hans/held", "GET /en/after"]);
    });

    it("answers the API's own busy error in JSON", async () => {
      const { base, release, first } = await heldServer();
      const answer = await fetch(`${base}/api/v1/services`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe(String(overloadRetryAfterSeconds));
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("busy");
      release();
      await first;
    });

    it("answers HEAD with the status and the length a GET would have, and no body", async () => {
      const { base, release, first } = await heldServer();
      const [head, get] = await Promise.all([
        fetch(`${base}/zh-Hans/notices`, { method: "HEAD" }),
        fetch(`${base}/zh-Hans/notices`),
      ]);
      expect(head.status).toBe(503);
      const body = await get.arrayBuffer();
      expect(Number(head.headers.get("content-length"))).toBe(body.byteLength);
      expect(body.byteLength).toBeGreaterThan(100);
      release();
      await first;
    });

    it("never turns away a write: it waits its turn however long it takes", async () => {
      const { base, handled, release, first } = await heldServer();
      // a bodiless write waits in the page pool, as before, past the read's limit
      const write = fetch(`${base}/zh-Hans/account/notifications`, { method: "DELETE" });
      await pause(400);
      release();
      expect((await write).status).toBe(200);
      await first;
      expect(handled).toEqual(["GET /zh-Hans/held", "DELETE /zh-Hans/account/notifications"]);
    });

    it("is turned away all the same when it carries a body: a body does not move a read to the writes' pool", async () => {
      const { base, handled, release, first } = await heldServer();
      const port = Number(new URL(base).port);
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            port,
            host: "127.0.0.1",
            method: "GET",
            path: "/zh-Hans/notices",
            headers: { "content-length": "3" },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.end("a=1");
      });
      expect(status).toBe(503);
      release();
      await first;
      expect(handled).toEqual(["GET /zh-Hans/held"]);
    });

    it("is served as before when a slot comes free within the wait, in its turn", async () => {
      const { base, handled, release, first } = await heldServer({ queueWaitMs: 2000 });
      const waiting = fetch(`${base}/zh-Hans/notices`);
      await pause(100);
      expect(handled).toEqual(["GET /zh-Hans/held"]);
      release();
      expect((await waiting).status).toBe(200);
      await first;
      expect(handled).toEqual(["GET /zh-Hans/held", "GET /zh-Hans/notices"]);
    });

    it("is neither answered nor counted when its client left while it waited", async () => {
      const answered: string[] = [];
      const { base, release, first } = await heldServer({
        busy: (request, response) => {
          answered.push(request.url ?? "");
          response.writeHead(503).end();
        },
      });
      const gone = new AbortController();
      const waiting = fetch(`${base}/zh-Hans/gone`, { signal: gone.signal }).catch(() => "aborted");
      await pause(30);
      gone.abort();
      expect(await waiting).toBe("aborted");
      await pause(300);
      expect(answered).toEqual([]);
      release();
      await first;
    });

    it("closes the connection when the busy answer itself fails, and the server goes on", async () => {
      const { base, release, first } = await heldServer({
        busy: () => {
          throw new Error("no answer");
        },
      });
      await expect(fetch(`${base}/zh-Hans/notices`)).rejects.toThrow();
      release();
      await first;
      expect(await (await fetch(`${base}/zh-Hans/after`)).text()).toBe("rendered");
    });

    it("is answered busy at once when it is only a prefetch, or when the queue is full", async () => {
      const { base, handled, release, first } = await heldServer({ queueWaitMs: 60_000 });
      const started = Date.now();
      const prefetch = await fetch(`${base}/zh-Hans/notices`, { headers: { "next-router-prefetch": "1" } });
      expect(prefetch.status).toBe(503);
      // one slot: queuedReadsPerSlot reads may wait for it, the next is answered at once
      const queued = Array.from({ length: queuedReadsPerSlot }, (_, i) =>
        fetch(`${base}/zh-Hans/queued-${i}`).then((r) => r.status),
      );
      await pause(200);
      const past = await fetch(`${base}/zh-Hans/one-too-many`);
      expect(past.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      release();
      expect(await Promise.all(queued)).toEqual(Array(queuedReadsPerSlot).fill(200));
      await first;
      expect(handled).not.toContain("GET /zh-Hans/one-too-many");
      expect(handled).not.toContain("GET /zh-Hans/notices");
    });
  });

  it("lets the build's static files, the icons and the health check past the slots", () => {
    const request = (url: string) => ({ url }) as http.IncomingMessage;
    for (const url of ["/_next/static/chunks/app.js", "/api/health", "/favicon.ico", "/icon.svg"])
      expect(needsNoSlot(request(url)), url).toBe(true);
    for (const url of ["/zh-Hans", "/api/health/x", "/api/v1/services", "/staff", "/_next/image?url=x"])
      expect(needsNoSlot(request(url)), url).toBe(false);
  });

  it("reads RENDER_QUEUE_WAIT_MS as a whole number of milliseconds from 1", () => {
    expect(renderQueueWaitMs({})).toBe(defaultQueueWaitMs);
    expect(renderQueueWaitMs({ RENDER_QUEUE_WAIT_MS: " 2500 " })).toBe(2500);
    for (const bad of ["0", "-1", "2.5", "soon", "3000000000"])
      expect(() => renderQueueWaitMs({ RENDER_QUEUE_WAIT_MS: bad })).toThrow(/RENDER_QUEUE_WAIT_MS/);
  });

  it("reads RENDER_SLOTS as a whole number from 1", () => {
    expect(renderSlotCount({})).toBe(8);
    expect(renderSlotCount({ RENDER_SLOTS: " 4 " })).toBe(4);
    for (const bad of ["0", "-1", "2.5", "many"])
      expect(() => renderSlotCount({ RENDER_SLOTS: bad })).toThrow(/RENDER_SLOTS/);
  });
});
