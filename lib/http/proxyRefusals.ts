/**
 * Short refusals the proxy answers before Next sees a request, in the page's language: a write
 * sent to a page from another site (a server action called cross-site, or a form on another site
 * posting here) gets 403 before Next's own check, which would answer 500; a body larger than any
 * page's form sends gets 413 before Next reads it; a page over a limit gets 429 with Retry-After.
 * Free of `server-only`: proxy.ts uses it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { errorTexts, localeOfPath, plainPage } from "./plainPage";

function refusal(
  request: NextRequest,
  status: number,
  key: "crossSiteRefused" | "bodyTooLarge",
): NextResponse {
  const locale = localeOfPath(request.nextUrl.pathname);
  return new NextResponse(errorTexts[locale][key], {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function crossSiteRefusal(request: NextRequest): NextResponse {
  return refusal(request, 403, "crossSiteRefused");
}

/**
 * What a page's form may send: the same 1 MB as serverActions.bodySizeLimit in next.config.js
 * (forms with files post to the form routes instead).
 */
const pageBodyLimitBytes = 1024 * 1024;

/**
 * Whether a write to a page sends more than a form there may: by its Content-Length, or, for a
 * chunked body, by reading the proxy's copy, which Next cuts at proxyClientMaxBodySize (a little
 * over the limit) — a body cut short would otherwise reach the action as a form that does not
 * parse, and answer 500.
 */
export async function pageBodyTooLarge(request: NextRequest): Promise<boolean> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return false;
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > pageBodyLimitBytes;
  const reader = request.body.getReader();
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) size += part.value.byteLength;
  return size > pageBodyLimitBytes;
}

export function bodyTooLargeRefusal(request: NextRequest): NextResponse {
  return refusal(request, 413, "bodyTooLarge");
}

/**
 * 429 for a page over a limit: how long to wait (Retry-After, and in minutes on the page) in the
 * page's language, as a plain page that needs no script or style. `kind` says what was limited:
 * attempts at a 查询码, or requests from the connection.
 */
export function tooManyRequestsPage(
  pathname: string,
  input: { retryAfterSeconds: number; kind: "attempts" | "requests" },
): NextResponse {
  const locale = localeOfPath(pathname);
  const m = errorTexts[locale];
  const minutes = String(Math.max(1, Math.ceil(input.retryAfterSeconds / 60)));
  const body = (input.kind === "attempts" ? m.tooManyAttempts : m.tooManyRequestsBody).replace(
    "{{limit}}",
    minutes,
  );
  const html = plainPage({ locale, title: m.tooManyRequestsTitle, body });
  return new NextResponse(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(input.retryAfterSeconds),
    },
  });
}
