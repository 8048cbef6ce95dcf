/**
 * The answer to a request the server is too busy to take in time (lib/http/renderSlots.ts): 503
 * with Retry-After, in the page's language as a plain page that needs no script or style, or, for
 * the API, the API's own `busy` error. Written on node's response, before Next sees the request.
 * Free of `server-only`: scripts/server.ts imports it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorTexts, isApiPath, plainAnswerHeaders, plainPage, plainPageAddress } from "./plainPage";

/**
 * Seconds a visitor turned away for load is asked to wait. Longer than the API's 2 s for a busy
 * database: here every client at once is being turned away, and they should not all come back in
 * the same second.
 */
export const overloadRetryAfterSeconds = 5;

function busyBody(address: ReturnType<typeof plainPageAddress>): { type: string; body: string } {
  if (isApiPath(address.pathname))
    return {
      type: "application/json",
      body: JSON.stringify({
        error: {
          code: "busy",
          message: `The service is busy: try again in ${overloadRetryAfterSeconds} seconds`,
        },
      }),
    };
  const { locale, home } = address;
  const { title, body } = errorTexts[locale].overload;
  const html = plainPage({ locale, title, body, home });
  return { type: "text/html; charset=utf-8", body: html };
}

/**
 * Answers 503 with Retry-After on `response` (nothing when an answer already began or the client
 * has gone). The policy allows nothing to load or run, as for any answer that is not a page.
 */
export function answerBusy(request: IncomingMessage, response: ServerResponse): void {
  if (response.headersSent || response.destroyed) return;
  const address = plainPageAddress(request);
  const { type, body } = busyBody(address);
  const bytes = Buffer.from(body);
  response.writeHead(503, {
    ...plainAnswerHeaders(address.pathname, type, bytes.byteLength),
    "retry-after": String(overloadRetryAfterSeconds),
  });
  response.end(request.method === "HEAD" ? undefined : bytes);
}
