/**
 * The shared page cache in front of Next, run from proxy.ts: an anonymous GET of a public page
 * is answered from the in-process copy, or rendered once (by Next, through a request to this
 * same server that skips the cache) and kept for up to a second.
 * The copy is rendered with a stand-in CSP nonce known only to this process; every answer served
 * from it gets a nonce of its own, written over the stand-in, so no two visitors share one.
 * Free of `server-only`: proxy.ts imports it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { elderCookie } from "../i18n/settings";
import {
  isCacheableRequest,
  isShareableResponse,
  pageCacheKey,
  privateCacheControl,
  sharedCacheControl,
  sharedVary,
} from "./pagePolicy";
import { freshPage, isAgeing, pageStore, renderOnce, type TRenderedPage } from "./pageStore";

/** Marks the cache's own render request; its value is the process's fill token. */
const cacheFillHeader = "x-onestop-cache-fill";

/** Headers of the rendered answer that do not carry over to a copy served later. */
const notCopied = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "cache-control",
  "vary",
  "set-cookie",
  "content-security-policy",
]);

/** Whether this request is the cache's own render and must reach Next untouched. */
export function isCacheFill(request: NextRequest): boolean {
  return request.headers.get(cacheFillHeader) === pageStore().fillToken;
}

async function render(request: NextRequest, elder: boolean): Promise<TRenderedPage> {
  const { pathname, search } = request.nextUrl;
  const port = process.env.PORT ?? "3000";
  // the shared copy depends on the path and elder mode only: nothing else the visitor sends
  // (Host, X-Forwarded-*, other cookies) reaches its render, so no visitor can shape another's page
  const headers = new Headers({ accept: "text/html", [cacheFillHeader]: pageStore().fillToken });
  if (elder) headers.set("cookie", `${elderCookie}=1`);
  const response = await fetch(`http://127.0.0.1:${port}${pathname}${search}`, {
    headers,
    redirect: "manual",
    cache: "no-store",
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const kept: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!notCopied.has(name)) kept.push([name, value]);
  });
  const setsCookie = response.headers.getSetCookie().length > 0;
  return {
    nonceAt: offsetsOf(body, new TextEncoder().encode(pageStore().nonceStandIn)),
    status: response.status,
    headers: setsCookie
      ? [...kept, ...response.headers.getSetCookie().map((c): [string, string] => ["set-cookie", c])]
      : kept,
    body,
    shareable: isShareableResponse({
      status: response.status,
      contentType: response.headers.get("content-type"),
      setsCookie,
    }),
  };
}

/** Every place `needle` starts in `body`. */
function offsetsOf(body: Uint8Array, needle: Uint8Array): number[] {
  const haystack = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const offsets: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    offsets.push(at);
  return offsets;
}

/** The body with this answer's nonce in place of the stand-in (same length, so only a copy and a few writes). */
function withNonce(page: TRenderedPage, nonce: string): Uint8Array {
  if (page.nonceAt.length === 0) return page.body;
  const body = new Uint8Array(page.body);
  const bytes = new TextEncoder().encode(nonce);
  for (const at of page.nonceAt) body.set(bytes, at);
  return body;
}

function respond(
  request: NextRequest,
  page: TRenderedPage,
  outcome: "hit" | "miss",
  nonce: string,
): NextResponse {
  const headers = new Headers(page.headers);
  // a page's redirect (a former 索引号's permanentRedirect) has a relative Location, which the
  // proxy's answer may not carry (Next reads it as a URL and relativises it again itself)
  const location = headers.get("location");
  if (location) headers.set("location", new URL(location, request.url).toString());
  headers.set("cache-control", page.shareable ? sharedCacheControl : privateCacheControl);
  if (page.shareable) headers.set("vary", sharedVary);
  headers.set("x-onestop-cache", outcome);
  return new NextResponse(request.method === "HEAD" ? null : (withNonce(page, nonce) as BodyInit), {
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
  const elder = request.cookies.get(elderCookie)?.value === "1";
  const key = pageCacheKey({ pathname, search, elder });
  const store = pageStore();
  const cached = freshPage(store, key, Date.now());
  if (cached) {
    if (isAgeing(store, key, Date.now())) {
      renderOnce(store, key, () => render(request, elder), Date.now).catch((error: unknown) =>
        console.error("[page-cache] refresh failed", error),
      );
    }
    return respond(request, cached, "hit", nonce);
  }
  try {
    const { page, first } = await renderOnce(store, key, () => render(request, elder), Date.now);
    // an answer that is not shared (an error, a redirect, a cookie) goes only to the request that asked for it
    if (!page.shareable && !first) return null;
    return respond(request, page, "miss", nonce);
  } catch (error) {
    console.error("[page-cache] render failed; rendering directly", error);
    return null;
  }
}
