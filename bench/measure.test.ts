import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { measureSearch, type TQuery } from "./measure";

describe("the search measurement", () => {
  it("keeps each round's latency apart and judges the hits on the first round", async () => {
    const seen = new Set<string>();
    const addresses = new Set<string>();
    // a search API that is slow the first time it meets a query and quick after
    const server = http.createServer((request, response) => {
      const q = new URL(request.url ?? "/", "http://x").searchParams.get("q") ?? "";
      addresses.add(String(request.headers["x-forwarded-for"]));
      const first = !seen.has(q);
      seen.add(q);
      setTimeout(
        () => {
          const items =
            q === "missing" ? [] : [{ type: "document", id: q, title: q, url: `/zh-Hans/x/${q}` }];
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items }));
        },
        first ? 40 : 1,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const queries: TQuery[] = ["a", "b", "c", "missing"].map((q) => ({
        q,
        expect: { type: "document", id: q },
        kind: "test",
      }));
      const result = await measureSearch(base, queries, 3);

      expect(result.count).toBe(12);
      expect(result.byRound.map((r) => r.count)).toEqual([4, 4, 4]);
      // the first round waited 40 ms a query, the later ones 1 ms: each round's own figures show it
      expect(result.byRound[0].p50).toBeGreaterThanOrEqual(35);
      expect(result.byRound[1].p50).toBeLessThan(result.byRound[0].p50 / 2);
      expect(result.byRound[2].p50).toBeLessThan(result.byRound[0].p50 / 2);
      expect(result).toMatchObject({ top10: 3, queries: 4, misses: ["missing"], errors: 0 });
      // each request came from another client address, as a city's proxy would pass them on
      expect(addresses.size).toBe(12);
    } finally {
      server.close();
    }
  });
});
