import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { hasWrk, parseWrk, wrkLoad } from "./wrk";

describe("the cached pages' load, from wrk", () => {
  it("reads wrk's summary line into the figures the other loads report", () => {
    const output = `Running 1s test\nWRK-JSON {"requests":2000,"bytes":300000,"durationUs":500000,"p50Us":1499,"p99Us":12500,"status":3,"connect":1,"read":2,"write":0,"timeout":4}\n`;
    expect(parseWrk(output)).toEqual({
      rps: 4000,
      p50: 1,
      p99: 13,
      requests: 2000,
      bytesPerRequest: 150,
      non2xx: 3,
      errors: 3,
      timeouts: 4,
    });
    expect(() => parseWrk("unable to connect")).toThrow(/no summary/);
  });

  it("loads a real server with a client address per request and counts what it answered", async () => {
    expect(hasWrk(), "wrk is on PATH (.ci/run installs it)").toBe(true);
    const addresses = new Set<string>();
    const server = http.createServer((request, response) => {
      addresses.add(String(request.headers["x-forwarded-for"]));
      const refused = request.headers["accept-encoding"] !== "gzip";
      response.writeHead(refused ? 406 : 200, { "content-length": 2 }).end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const good = await wrkLoad({
        url,
        connections: 2,
        duration: 1,
        headers: { "accept-encoding": "gzip" },
      });
      expect(good.requests).toBeGreaterThan(100);
      expect(good.non2xx).toBe(0);
      expect(addresses.size).toBeGreaterThan(100);
      // status line, the two headers and the body "ok"
      expect(good.bytesPerRequest).toBeGreaterThan(60);
      expect(good.bytesPerRequest).toBeLessThan(200);
      const refused = await wrkLoad({ url, connections: 2, duration: 1 });
      expect(refused.non2xx).toBe(refused.requests);
    } finally {
      server.close();
    }
  });
});
