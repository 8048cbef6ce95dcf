/**
 * The shared page cache as proxy.ts reaches it: an anonymous GET of a public page is answered
 * from the in-process copy, or rendered once (lib/cache/pageCopy.ts) and kept for up to a second.
 * Most hits never get here: the server in front of Next answers them (lib/cache/fastPath.ts).
 * Free of `server-only`: proxy.ts imports it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { elderCookie } from "../i18n/settings";
import {
  isCacheableRequest,
  pageCacheKey,
  privateCacheControl,
  sharedCacheControl,
  sharedVary,
} from "./pagePolicy";
import { pageStore, renderOnce, type TRenderedPage } from "./pageStore";
import {
  bodyWithNonce,
  cacheFillHeader,
  etagOf,
  freshCopy,
  headersWithNonce,
  renderCopy,
  staleCopy,
  type TCopyAddress,
} from "./pageCopy";

/** Whether this request is the cache's own render and must reach Next untouched. */
export function isCacheFill(request: NextRequest): boolean {
  return request.headers.get(cacheFillHeader) === pageStore().fillToken;
}

function respond(
  request: NextRequest,
  page: TRenderedPage,
  outcome: "hit" | "miss" | "stale",
  nonce: string,
): NextResponse {
  const headers = new Headers(headersWithNonce(page, nonce));
  // a page's redirect (a former 索引号's permanentRedirect) has a relative Location, which the
  // proxy's answer may not carry (Next reads it as a URL and relativises it again itself)
  const location = headers.get("location");
  if (location) headers.set("location", new URL(location, request.url).toString());
  // a copy past its time is for this visitor only: no shared cache may keep it as fresh
  const shared = page.shareable && outcome !== "stale";
  headers.set("cache-control", shared ? sharedCacheControl : privateCacheControl);
  if (shared) {
    headers.set("vary", sharedVary);
    headers.set("etag", etagOf(page));
  }
  headers.set("x-onestop-cache", outcome);
  return new NextResponse(request.method === "HEAD" ? null : (bodyWithNonce(page, nonce) as BodyInit), {
    status: page.status,
    headers,
  });
}

/**
 * The cached answer for this request, or null when it must be rendered for this visitor
 * (signed in, not a public page, not a GET, or the cache could not render it). `nonce` is this
 * answer's CSP nonce, written into the copy; the caller sends the policy that names it.
 */
export async function servePublicPage(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  const cacheable = isCacheableRequest({
    method: request.method,
    pathname,
    search,
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
    headerNames: [...request.headers.keys()],
  });
  if (!cacheable) return null;
  const address = { pathname, search, elder: request.cookies.get(elderCookie)?.value === "1" };
  const cached = freshCopy(address);
  if (cached) return respond(request, cached, "hit", nonce);
  try {
    const { page, first } = await renderOnce(
      pageStore(),
      pageCacheKey(address),
      () => renderCopy(address),
      Date.now,
    );
    const stale = page.status >= 500 ? staleAnswer(request, address, nonce, `status ${page.status}`) : null;
    if (stale) return stale;
    // an answer that is not shared (an error, a redirect, a cookie) goes only to the request that asked for it
    if (!page.shareable && !first) return null;
    return respond(request, page, "miss", nonce);
  } catch (error) {
    console.error("[page-cache] render failed; rendering directly", error);
    return staleAnswer(request, address, nonce, "render failed");
  }
}

/**
 * The last copy of a page that failed to render (the database unreachable, a bug), if one was kept
 * (lib/cache/pageStore.ts, staleIfErrorMs): the public pages stay readable through an outage.
 */
function staleAnswer(
  request: NextRequest,
  address: TCopyAddress,
  nonce: string,
  why: string,
): NextResponse | null {
  const stale = staleCopy(address);
  if (!stale) return null;
  console.warn(`[page-cache] ${address.pathname}: ${why}; answered with the last copy`);
  return respond(request, stale, "stale", nonce);
}
