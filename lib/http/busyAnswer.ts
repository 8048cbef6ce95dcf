/**
 * The answer to a request the server is too busy to take in time (lib/http/renderSlots.ts): 503
 * with Retry-After, in the page's language as a plain page that needs no script or style, or, for
 * the API, the API's own `busy` error. Written on node's response, before Next sees the request.
 * Free of `server-only`: scripts/server.ts imports it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { localeFromAcceptLanguage } from "../i18n/settings";
import { errorTexts, homeOfPath, localeOfPath, plainAnswerHeaders, plainPage } from "./plainPage";

/**
 * Seconds a visitor turned away for load is asked to wait. Longer than the API's 2 s for a busy
 * database: here every client at once is being turned away, and they should not all come back in
 * the same second.
 */
export const overloadRetryAfterSeconds = 5;

/** The request's path, without its query; "/" when it cannot be read. */
function pathOf(request: IncomingMessage): string {
  return URL.parse(request.url ?? "/", "http://portal.invalid")?.pathname ?? "/";
}

function busyBody(pathname: string, acceptLanguage: string | undefined): { type: string; body: string } {
  if (pathname === "/api" || pathname.startsWith("/api/"))
    return {
      type: "application/json",
      body: JSON.stringify({
        error: {
          code: "busy",
          message: `The service is busy: try again in ${overloadRetryAfterSeconds} seconds`,
        },
      }),
    };
  // a page without a language in its path (the staff's, the root) speaks the browser's
  const locale = localeOfPath(pathname, localeFromAcceptLanguage(acceptLanguage));
  const { title, body } = errorTexts[locale].overload;
  const html = plainPage({ locale, title, body, home: homeOfPath(pathname) });
  return { type: "text/html; charset=utf-8", body: html };
}

/**
 * Answers 503 with Retry-After on `response` (nothing when an answer already began or the client
 * has gone). The policy allows nothing to load or run, as for any answer that is not a page.
 */
export function answerBusy(request: IncomingMessage, response: ServerResponse): void {
  if (response.headersSent || response.destroyed) return;
  const pathname = pathOf(request);
  const { type, body } = busyBody(pathname, request.headers["accept-language"]);
  const bytes = Buffer.from(body);
  response.writeHead(503, {
    ...plainAnswerHeaders(pathname, type, bytes.byteLength),
    "retry-after": String(overloadRetryAfterSeconds),
  });
  response.end(request.method === "HEAD" ? undefined : bytes);
}
