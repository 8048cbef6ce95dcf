import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { withRenderSlots, type THandler } from "../lib/http/renderSlots";
import { measureOverload } from "./overload";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handle: THandler): Promise<string> {
  const server = http.createServer((request, response) => void handle(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const page = { name: "queue", path: "/staff", cookie: "session=bench" };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the overload measurement", () => {
  it("times rendered and turned-away answers apart, from a server with render slots", async () => {
    const cookies = new Set<string>();
    // one slot, 20 ms a render, a read waits 100 ms for the slot at most: 20 connections overload it
    const base = await serve(
      withRenderSlots(
        async (request, response) => {
          if (request.url === page.path) cookies.add(String(request.headers.cookie));
          await pause(20);
          response.end("page");
        },
        1,
        { queueWaitMs: 100 },
      ),
    );
    const result = await measureOverload(base, page, { connections: 20, duration: 1 });

    expect(cookies).toEqual(new Set(["session=bench"]));
    expect(result.served.count).toBeGreaterThan(10);
    expect(result.turnedAway.count).toBeGreaterThan(10);
    // nobody waited much past the queue's 100 ms and one render
    expect(result.turnedAway.max).toBeLessThan(1000);
    expect(result.served.max).toBeLessThan(1000);
    expect(result.served.rps).toBeCloseTo(result.served.count / result.seconds, 5);
    expect(result.failed).toBe(0);
    expect(result.otherStatuses).toEqual({});
    expect(result.met).toBe(true);
    // 20 connections: 20 first answers, the rest later ones
    expect(result.byTurn.first.count).toBe(20);
    expect(result.byTurn.later.count).toBe(result.served.count + result.turnedAway.count - 20);
  });

  it("is not met when answers are errors or never come", async () => {
    let n = 0;
    const base = await serve(async (request, response) => {
      if (request.url === "/api/health") return void response.end("ok");
      if (n++ % 2) return; // never answered
      response.writeHead(500).end("broken");
    });
    const result = await measureOverload(base, page, {
      connections: 4,
      duration: 0.3,
      givenUpAfterMs: 200,
    });
    expect(result.otherStatuses["500"]).toBeGreaterThan(0);
    expect(result.failed).toBeGreaterThan(0);
    expect(result.served.count).toBe(0);
    expect(result.met).toBe(false);
  });
});
