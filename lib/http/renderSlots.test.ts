import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { renderSlotCount, withRenderSlots, writeSlotsPerRenderSlot, type THandler } from "./renderSlots";

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

  it("reads RENDER_SLOTS as a whole number from 1", () => {
    expect(renderSlotCount({})).toBe(8);
    expect(renderSlotCount({ RENDER_SLOTS: " 4 " })).toBe(4);
    for (const bad of ["0", "-1", "2.5", "many"])
      expect(() => renderSlotCount({ RENDER_SLOTS: bad })).toThrow(/RENDER_SLOTS/);
  });
});
