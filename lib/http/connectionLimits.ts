import type { Server } from "node:http";

/**
 * How long a connection may go without any traffic, in either direction, before the server closes
 * it. A client that asks for a page and never reads the answer leaves the rest of it buffered in
 * the server's memory (its render slot is given back: lib/http/renderSlots.ts), and Node's own
 * default is to wait forever: enough such connections would fill the heap's budget. Two minutes
 * is far longer than any answer takes to start flowing, and than a phone on a poor network
 * pauses; a download that flows, however slowly, is traffic and is never cut.
 */
export const idleConnectionMs = 120_000;

/**
 * A connection kept open between a reverse proxy's requests must outlive the proxy's own idle
 * timeout (nginx: 60 s), or the proxy may send a request on a connection the server is closing.
 */
export const keepAliveMs = 65_000;

/**
 * How many connections the kernel holds for the server before it accepts them. Node's default is
 * 511: when more visitors connect at once (a deadline day, a link shared widely), the rest of their
 * handshakes are dropped and their phones try again after 1 s, then 3 s more, before the server has
 * seen them. The kernel caps it at net.core.somaxconn (4096 on current Linux).
 */
export const listenBacklog = 4096;

/** Applies the connection limits above (or the given ones, for tests) to an HTTP server. */
export function limitConnections(
  server: Server,
  limits: { idleMs?: number; keepAliveMs?: number } = {},
): Server {
  server.timeout = limits.idleMs ?? idleConnectionMs;
  server.keepAliveTimeout = limits.keepAliveMs ?? keepAliveMs;
  return server;
}
