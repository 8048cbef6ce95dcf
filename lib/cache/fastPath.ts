/**
 * The page cache's first door: the server in front of Next (scripts/server.ts) asks it before it
 * hands a request over. An anonymous GET or HEAD of a public page whose copy is fresh is answered
 * here, on node:http, without Next's router, proxy and response adapters: the copy with a nonce of
 * its own, gzip made once per copy (lib/cache/gzipCopy.ts), an ETag and 304 for a browser that
 * has the copy already. Anything else (no copy yet, signed in, a form, a search over its limit)
 * goes to Next, whose proxy renders, stores and answers it (lib/cache/servePublicPage.ts).
 * The answer carries what Next's would: the copy's own headers (next.config.js's fixed ones among
 * them, as Next gave them to its render), the policy of lib/http/securityHeaders.ts, and the cache's.
 * Free of `server-only`: scripts/server.ts imports it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddressHeader } from "../http/clientAddressHeader";
import { newNonce, pageSecurity, type TPageSecurity } from "../http/securityHeaders";
import { elderCookie, isLocale } from "../i18n/settings";
import { pageGate } from "../throttle/pageGate";
import { gzipChunksWithNonce, gzipCopy, type TGzipCopy } from "./gzipCopy";
import { bodyChunksWithNonce, cacheFillHeader, etagOf, freshCopy } from "./pageCopy";
import { isCacheableRequest, sharedCacheControl, sharedVary } from "./pagePolicy";
import { pageStore, type TRenderedPage } from "./pageStore";

/** Each copy's gzip, made when a client first asks for it; a copy dropped from the store takes its own along. */
const gzips = new WeakMap<TRenderedPage, TGzipCopy>();

function gzipOf(page: TRenderedPage): TGzipCopy {
  let gzip = gzips.get(page);
  if (!gzip) {
    gzip = gzipCopy(page.body, page.nonceAt, Buffer.byteLength(pageStore().nonceStandIn));
    gzips.set(page, gzip);
  }
  return gzip;
}

/** The names of the cookies sent, and the value of the first of each name. */
function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const equals = part.indexOf("=");
    const name = (equals === -1 ? part : part.slice(0, equals)).trim();
    if (name && !cookies.has(name)) cookies.set(name, equals === -1 ? "" : part.slice(equals + 1).trim());
  }
  return cookies;
}

/** Whether Accept-Encoding allows gzip (by name or `*`, with a q above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Whether If-None-Match names this ETag (weakly compared, as RFC 9110 asks for GET) or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/**
 * Whether a request target is a plain path, the only kind answered here: anything Next would
 * redirect or normalise (`//`, dot segments written out or percent-encoded as `%2e`, which the URL
 * parser resolves too, `\`, an absolute URL) is left to Next.
 */
export function isPlainPath(raw: string): boolean {
  return raw.startsWith("/") && !/\/\/|\/\.|\/%2e|\\/i.test(raw.split("?")[0]);
}

/** Characters the URL parser leaves as they are in a path and in a query (`'` it escapes in a query). */
const unchangedByUrlParser = /^[\w\-.~!$&()*+,;=:@/%?]*$/;

/**
 * The pathname and search of a request target, as `new URL` gives them. A plain target (no dot
 * segment, no `//`) of only the characters the parser leaves alone is split by hand: a URL parse was, with the parses of
 * the security headers, a tenth of the CPU of an answer from the cache.
 */
export function targetOf(raw: string): { pathname: string; search: string } {
  if (!isPlainPath(raw) || !unchangedByUrlParser.test(raw)) {
    const url = new URL(raw, "http://localhost");
    return { pathname: url.pathname, search: url.search };
  }
  const query = raw.indexOf("?");
  if (query === -1) return { pathname: raw, search: "" };
  const search = raw.slice(query);
  return { pathname: raw.slice(0, query), search: search === "?" ? "" : search };
}

/** Whether a request is the page cache's own render of a copy (its header carries the process's fill token). */
export function isCacheFill(request: IncomingMessage): boolean {
  return request.headers[cacheFillHeader] === pageStore().fillToken;
}

/** The address of the copy this request asks for, or null when it is not one to answer here. */
function copyAddressOf(request: IncomingMessage) {
  const raw = request.url ?? "";
  if (!isPlainPath(raw)) return null;
  if (request.headers[cacheFillHeader] !== undefined) return null;
  const length = request.headers["content-length"];
  if ((length !== undefined && length !== "0") || request.headers["transfer-encoding"]) return null;
  const { pathname, search } = targetOf(raw);
  const cookies = cookiesOf(request.headers.cookie);
  const cacheable = isCacheableRequest({
    method: request.method ?? "",
    pathname,
    search,
    cookieNames: [...cookies.keys()],
    headerNames: Object.keys(request.headers),
  });
  if (!cacheable) return null;
  return { pathname, search, elder: cookies.get(elderCookie) === "1" };
}

/** A search (`/{locale}/search?q=…`), which counts against the searcher's limit even from the cache. */
function isSearch(target: { pathname: string; search: string }): boolean {
  const [, locale, page, ...rest] = target.pathname.split("/");
  if (!isLocale(locale) || page !== "search" || rest.length) return false;
  return Boolean(new URLSearchParams(target.search).get("q")?.trim());
}

/** Whether the searcher is over its limit, as proxy.ts counts it: then Next answers (429, Retry-After). */
async function overSearchLimit(request: IncomingMessage): Promise<boolean> {
  const gate = pageGate();
  if (!gate) return false;
  const address = String(request.headers[clientAddressHeader] ?? "unknown");
  return (await gate.search({ address })) > 0;
}

/**
 * Answers the request from the page cache and gives true, or gives false having written nothing,
 * for Next. Only a search waits (for its limit); every other answer is written before this returns.
 */
export function answerFromCache(
  request: IncomingMessage,
  response: ServerResponse,
): boolean | Promise<boolean> {
  const address = copyAddressOf(request);
  if (!address) return false;
  const page = freshCopy(address);
  if (!page) return false;
  if (!isSearch(address)) return answerWith(page, request, response);
  return overSearchLimit(request).then((over) => !over && answerWith(page, request, response));
}

/**
 * What every answer of one copy in one encoding shares, prepared when it is first answered: the
 * headers as Node takes them (the security policy's and the copy's, the cache's, the length),
 * and where in them the nonce goes. Building them for each answer (a Headers object, the policy's
 * text, the stand-in replaced in each value) was a fifth of an answer's CPU.
 */
type THeaderPlan = {
  /** the security headers it was made with; another configuration makes another plan */
  security: TPageSecurity;
  flat: string[];
  /** each value that names the nonce, as the parts around it */
  nonceValues: { index: number; parts: string[] }[];
};
const headerPlans = new WeakMap<TRenderedPage, { plain?: THeaderPlan; gzip?: THeaderPlan }>();

function headerPlanOf(page: TRenderedPage, gzip: boolean, chunks: Uint8Array[]): THeaderPlan {
  const security = pageSecurity();
  const plans = headerPlans.get(page) ?? {};
  const kept = gzip ? plans.gzip : plans.plain;
  if (kept?.security === security) return kept;
  const standIn = pageStore().nonceStandIn;
  const flat = [
    ...security.headers(standIn),
    ...page.headers,
    ...cacheHeadersOf(page),
    ...(gzip ? [["content-encoding", "gzip"] as [string, string]] : []),
    // the nonce keeps the stand-in's length, so every answer in an encoding is as long as this one
    ["content-length", String(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))] as [string, string],
  ].flat();
  const plan: THeaderPlan = {
    security,
    flat,
    nonceValues: flat.flatMap((value, index) =>
      index % 2 === 1 && value.includes(standIn) ? [{ index, parts: value.split(standIn) }] : [],
    ),
  };
  headerPlans.set(page, gzip ? { ...plans, gzip: plan } : { ...plans, plain: plan });
  return plan;
}

/** The headers of this answer: the plan's, with the answer's nonce. */
function plannedHeaders(plan: THeaderPlan, nonce: string): string[] {
  const headers = plan.flat.slice();
  for (const { index, parts } of plan.nonceValues) headers[index] = parts.join(nonce);
  return headers;
}

/** The cache's own headers for a copy. */
function cacheHeadersOf(page: TRenderedPage): [string, string][] {
  return [
    ["cache-control", sharedCacheControl],
    ["vary", sharedVary],
    ["x-onestop-cache", "hit"],
    ["etag", etagOf(page)],
  ];
}

/** Writes the copy as this request's answer: a 304 when the browser has it, else the copy with a nonce of its own. */
function answerWith(page: TRenderedPage, request: IncomingMessage, response: ServerResponse): true {
  if (matchesEtag(request.headers["if-none-match"], etagOf(page))) {
    // no policy and nothing else that names a nonce: the browser keeps those stored with its copy,
    // whose nonce its copy carries
    const standIn = pageStore().nonceStandIn;
    const kept = page.headers.filter(([, value]) => !value.includes(standIn));
    response.writeHead(304, [...kept, ...cacheHeadersOf(page)].flat());
    response.end();
    return true;
  }
  const nonce = newNonce();
  const nonceBytes = Buffer.from(nonce, "latin1");
  const gzip = acceptsGzip(request.headers["accept-encoding"]);
  const chunks = gzip ? gzipChunksWithNonce(gzipOf(page), nonceBytes) : bodyChunksWithNonce(page, nonceBytes);
  const plan = headerPlanOf(page, gzip, chunks);
  response.writeHead(page.status, plannedHeaders(plan, nonce));
  if (request.method !== "HEAD") {
    // corked: the headers and every piece leave in one writev, the copy's pieces uncopied
    response.cork();
    for (const chunk of chunks) response.write(chunk);
  }
  response.end();
  return true;
}
