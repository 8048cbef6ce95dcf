import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/connect";

// the embedded database as the server opens it (lib/db/adapter.ts), whichever database the other
// tests use: on PostgreSQL each statement waits on the network, and the loop turns anyway
let database: Connection;

beforeAll(async () => {
  database = await connect({ kind: "pglite", dir: null });
}, 180_000);
afterAll(() => database.close());

/** One GET on a connection of its own; answers the status. */
function getOnNewConnection(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

describe("the database takes turns with the server's event loop", () => {
  it("accepts a burst of new connections while it serves the first, instead of after", async () => {
    const prisma = database.prisma;
    // the client's first query loads its query compiler: not part of what is measured
    await prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`);
    let answered = 0;
    const answeredAtAccept: number[] = [];
    // the work a page or a submission does between its statements (rendering, parsing), on the thread
    const hold = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // each request does what a submission does to the database: reads, then a transaction, a
    // little over a millisecond of work a statement, ten in all
    const server = http.createServer(async (_request, response) => {
      for (let i = 0; i < 6; i++) {
        await prisma.$queryRaw`SELECT ${i}::int AS n`;
        hold(1);
      }
      await prisma.$transaction(async (tx) => {
        for (let i = 0; i < 4; i++) {
          await tx.$queryRaw`SELECT ${i}::int AS n`;
          hold(1);
        }
      });
      answered++;
      response.end("ok");
    });
    server.on("connection", () => answeredAtAccept.push(answered));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const clients = 40;
      const statuses = await Promise.all(Array.from({ length: clients }, () => getOnNewConnection(port)));
      expect(statuses).toEqual(Array(clients).fill(200));
      expect(answeredAtAccept).toHaveLength(clients);
      // Node accepts one connection per turn of its event loop: had each request held the thread
      // from its first statement to its answer, each turn would have answered every connection
      // accepted so far, and the last would have been accepted after nearly all were answered;
      // taking turns, the loop turns every few milliseconds of work (turnSliceMs)
      expect(answeredAtAccept.at(-1)).toBeLessThan(clients / 2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
