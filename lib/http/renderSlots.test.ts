import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  defaultQueueWaitMs,
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
    /** One slot, held by /held until `release`; reads wait at most 150 ms for it. */
    async function heldServer() {
      const handled: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const base = await serve(
        async (request, response) => {
          handled.push(`${request.method} ${request.url}`);
          if (request.url === "/zh-Hans/held") await held;
          response.end("rendered");
        },
        1,
        { queueWaitMs: 150 },
      );
      const first = fetch(`${base}/zh-Hans/held`);
      await pause(50);
      return { base, handled, release, first };
    }

    it("is answered 503 busy with Retry-After in the page's language, and is never rendered", async () => {
      const { base, handled, release, first } = await heldServer();
      const started = Date.now();
      const [english, traditional, staff] = await Promise.all([
        fetch(`${base}/en/services?q=<script>`),
        fetch(`${base}/zh-Hant/notices`),
        fetch(`${base}/staff`),
      ]);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(2000);
      for (const answer of [english, traditional, staff]) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get("retry-after")).toBe(String(overloadRetryAfterSeconds));
        expect(answer.headers.get("cache-control")).toBe("no-store");
        expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(answer.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      }
      const page = await english.text();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain("The portal is busy");
      expect(page).toContain('<a href="/en">');
      expect(page).not.toContain("<script");
      expect(await traditional.text()).toContain("系統繁忙");
      expect(await staff.text()).toContain("系统繁忙");
      release();
      expect(await (await first).text()).toBe("rendered");
      // the slot is free again: the next read is rendered
      expect(await (await fetch(`${base}/en/after`)).text()).toBe("rendered");
      expect(handled).toEqual(["GET /zh-Hans/held", "GET /en/after"]);
    });

    it("answers the API's own busy error in JSON", async () => {
      const { base, release } = await heldServer();
      const answer = await fetch(`${base}/api/v1/services`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe(String(overloadRetryAfterSeconds));
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("busy");
      release();
    });

    it("answers HEAD with the status and no body", async () => {
      const { base, release } = await heldServer();
      const answer = await fetch(`${base}/zh-Hans/notices`, { method: "HEAD" });
      expect(answer.status).toBe(503);
      expect(await answer.text()).toBe("");
      release();
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

    it("is served as before when a slot comes free within the wait", async () => {
      const { base, release, first } = await heldServer();
      const waiting = fetch(`${base}/zh-Hans/notices`);
      await pause(40);
      release();
      expect((await waiting).status).toBe(200);
      await first;
    });
  });

  it("reads RENDER_QUEUE_WAIT_MS as a whole number of milliseconds from 1", () => {
    expect(renderQueueWaitMs({})).toBe(defaultQueueWaitMs);
    expect(renderQueueWaitMs({ RENDER_QUEUE_WAIT_MS: " 2500 " })).toBe(2500);
    for (const bad of ["0", "-1", "2.5", "soon"])
      expect(() => renderQueueWaitMs({ RENDER_QUEUE_WAIT_MS: bad })).toThrow(/RENDER_QUEUE_WAIT_MS/);
  });

  it("reads RENDER_SLOTS as a whole number from 1", () => {
    expect(renderSlotCount({})).toBe(8);
    expect(renderSlotCount({ RENDER_SLOTS: " 4 " })).toBe(4);
    for (const bad of ["0", "-1", "2.5", "many"])
      expect(() => renderSlotCount({ RENDER_SLOTS: bad })).toThrow(/RENDER_SLOTS/);
  });
});
