/**
 * The HTTP server npm start runs (Next's programmatic server on node:http). It exists for two
 * reasons. Only the process that accepts the connection knows who the client is: Next itself
 * keeps a client's own X-Forwarded-For and fills it only when absent, so behind it the peer is
 * lost; here every request gets `x-onestop-client` set from the socket (or from the trusted proxy
 * chain, see lib/http/peerAddress.ts), and any copy the client sent is dropped first. And an
 * anonymous visitor's public page, when the page cache holds it, is answered here
 * (lib/cache/fastPath.ts) at several times the rate a pass through Next's router allows; the
 * rest of the pages wait for one of a few render slots (lib/http/renderSlots.ts), which bounds the memory,
 * and a page that fails in Next is answered with a plain page that needs no script (lib/http/failedPage.ts).
 */
import http from "node:http";
import next from "next";
import { clientAddressHeader } from "../lib/http/clientAddressHeader";
import { peerAddress, trustedProxies } from "../lib/http/peerAddress";
import { answerFromCache, isCacheFill } from "../lib/cache/fastPath";
import { needsNoSlot, renderQueueWaitMs, renderSlotCount, withRenderSlots } from "../lib/http/renderSlots";
import { limitConnections, listenBacklog } from "../lib/http/connectionLimits";
import { pageGate } from "../lib/throttle/pageGate";
import { withFailedPageAnswer } from "../lib/http/failedPage";

const dev = process.argv.includes("--dev");
// tsx turns on source maps for the whole process, and Node then reads and keeps the map of every
// chunk Next loads: about 60 MB of heap (rss 685 → 601 MB with the same pages served) that
// `next start` does not spend. Stack traces from the build name its chunks, as under `next start`.
if (!dev) process.setSourceMapsEnabled(false);
const port = Number(process.env.PORT ?? 3000);
const trust = trustedProxies();

// no hostname: the server below listens on every interface, as `next start` does
const app = next({ dev, port });
// at most RENDER_SLOTS page renders in Next at once; a read that waits RENDER_QUEUE_WAIT_MS for
// one is answered 503 busy (lib/http/renderSlots.ts). A page that fails in Next is answered with a
// plain page in its language instead of Next's error shell (lib/http/failedPage.ts); the cache's
// own render of a copy is left as it is, for the page cache to answer (lib/cache/servePublicPage.ts).
const handle = withRenderSlots(
  withFailedPageAnswer(app.getRequestHandler(), isCacheFill),
  renderSlotCount(),
  {
    skipsQueue: (request) => isCacheFill(request) || needsNoSlot(request),
    queueWaitMs: renderQueueWaitMs(),
  },
);
await app.prepare();

/**
 * Whether the page cache answered: at once for a copy (no promise, no turn of the event loop), or
 * later for a search, which first asks its limit. A failure there leaves the request to Next
 * unless it already began answering.
 */
function fromCache(request: http.IncomingMessage, response: http.ServerResponse): boolean | Promise<boolean> {
  const failed = (error: unknown) => {
    console.error("[page-cache] answer failed; Next answers", error);
    return response.headersSent;
  };
  try {
    const answered = answerFromCache(request, response);
    return typeof answered === "boolean" ? answered : answered.catch(failed);
  } catch (error) {
    return failed(error);
  }
}

const server = http.createServer((request, response) => {
  delete request.headers[clientAddressHeader];
  request.headers[clientAddressHeader] = peerAddress(request, trust);
  const answered = fromCache(request, response);
  if (answered === true) return;
  // async: a handler that throws at once fails this promise, not the server
  const toNext = async (answered: boolean) => {
    if (!answered) await handle(request, response);
  };
  (answered === false ? toNext(false) : answered.then(toNext)).catch((error: unknown) =>
    console.error("[server] request failed", error),
  );
});
// idle connections closed, kept-alive ones outliving a proxy's (lib/http/connectionLimits.ts)
limitConnections(server);
// a burst of new connections waits in the kernel's queue instead of being dropped
server.listen({ port, backlog: listenBacklog }, () =>
  console.log(`[onestop] ready on http://localhost:${port}${dev ? " (development)" : ""}`),
);

/** The load limits' counts still in memory go to the shared table before the process ends. */
async function flushCounts() {
  try {
    await pageGate()?.beforeStop();
  } catch {
    // a database that cannot be reached now has a moment of load counts less: nothing to keep
  }
}

function shutdown() {
  server.close(() => void flushCounts().finally(() => process.exit(0)));
  // open keep-alive connections would hold close() forever
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, shutdown);
