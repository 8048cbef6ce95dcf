/**
 * The HTTP server npm start runs (Next's programmatic server on node:http). It exists for one
 * reason: only the process that accepts the connection knows who the client is. Next itself
 * keeps a client's own X-Forwarded-For and fills it only when absent, so behind it the peer is
 * lost; here every request gets `x-onestop-client` set from the socket (or from the trusted proxy
 * chain, see lib/http/peerAddress.ts), and any copy the client sent is dropped first.
 */
import http from "node:http";
import next from "next";
import { clientAddressHeader } from "../lib/http/clientAddressHeader";
import { peerAddress, trustedProxies } from "../lib/http/peerAddress";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const trust = trustedProxies();

// no hostname: the server below listens on every interface, as `next start` does
const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  delete request.headers[clientAddressHeader];
  request.headers[clientAddressHeader] = peerAddress(request, trust);
  void handle(request, response);
});
// a connection kept open between a proxy's requests must outlive the proxy's own idle timeout
server.keepAliveTimeout = 65_000;
server.listen(port, () =>
  console.log(`[onestop] ready on http://localhost:${port}${dev ? " (development)" : ""}`),
);

function shutdown() {
  server.close(() => process.exit(0));
  // open keep-alive connections would hold close() forever
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, shutdown);
