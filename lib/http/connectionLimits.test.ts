import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { idleConnectionMs, limitConnections } from "./connectionLimits";

const servers: http.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real server whose handler answers as the test says, and reports when each answer's
 * connection closed.
 */
async function serve(answer: (response: http.ServerResponse) => void, limits?: { idleMs: number }) {
  const closed: { afterMs: number; finished: boolean }[] = [];
  const server = http.createServer((_request, response) => {
    const started = Date.now();
    response.on("close", () =>
      closed.push({ afterMs: Date.now() - started, finished: response.writableFinished }),
    );
    answer(response);
  });
  if (limits) limitConnections(server, limits);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, closed };
}

/**
 * A client that sends a request and then does not read the answer; `readAll` reads what reached
 * it until the connection ends, and counts the bytes.
 */
function neverReads(port: number) {
  const socket = net.connect(port, "127.0.0.1", () => {
    socket.pause();
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  });
  sockets.push(socket);
  return {
    readAll: () =>
      new Promise<number>((resolve) => {
        let bytes = 0;
        socket.on("data", (chunk: Buffer) => (bytes += chunk.length));
        socket.on("close", () => resolve(bytes));
        socket.resume();
      }),
  };
}

// far more than the connection's buffers on both sides hold: the rest waits on the client
const large = Buffer.alloc(64 * 1024 * 1024, "x");

describe("connection limits", () => {
  it("closes a connection whose client stops reading, releasing the answer it held", async () => {
    const { port, closed } = await serve((response) => response.end(large), { idleMs: 300 });
    const client = neverReads(port);
    await expect.poll(() => closed.length, { timeout: 5_000 }).toBe(1);
    expect(closed[0]!.afterMs).toBeGreaterThanOrEqual(250);
    // the connection was cut: most of the answer never left the server
    expect(await client.readAll()).toBeLessThan(large.length / 2);
  });

  it("without the limits (Node's default), the same connection stays open", async () => {
    const { port, closed } = await serve((response) => response.end(large));
    neverReads(port);
    await pause(1_000);
    expect(closed).toEqual([]);
  });

  it("never cuts an answer that flows, however slowly, or a client reading it", async () => {
    const { port } = await serve(
      (response) => {
        let sent = 0;
        const timer = setInterval(() => {
          response.write(`chunk ${sent}\n`);
          if (++sent === 10) {
            clearInterval(timer);
            response.end();
          }
        }, 100);
      },
      { idleMs: 300 },
    );
    const body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    expect(body.trim().split("\n")).toHaveLength(10);
  });

  it("waits two minutes for an idle connection in production, and keeps a connection alive longer than a proxy's 60 s", () => {
    const server = limitConnections(http.createServer());
    expect(server.timeout).toBe(idleConnectionMs);
    expect(idleConnectionMs).toBe(120_000);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
  });
});
