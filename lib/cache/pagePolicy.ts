/**
 * Which requests get a shared (CDN and in-process) cached page, and the headers that say so.
 * Pure and free of `server-only`: proxy.ts imports it, and so do the unit tests.
 */
import { z } from "zod";
import { isLocale } from "../i18n/settings";

/** A CDN may keep the page 1 s; no stale-while-revalidate, so an edit reaches every visitor within a second. */
export const sharedCacheControl = "public, max-age=0, s-maxage=1";
/** What Next itself sends for a page rendered per request; kept for anything personal. */
export const privateCacheControl = "private, no-cache, no-store, max-age=0, must-revalidate";
/**
 * The elder-mode cookie changes the page, and Next answers client navigations (the `RSC`
 * headers) with a different body under the same URL: a shared cache must key on all of them.
 */
export const sharedVary =
  "Cookie, RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding";
/**
 * How long the in-process copy may be served when nothing says it changed. Every change to what a
 * public page shows says so at once, on every instance (`contentChanged`, by NOTIFY on PostgreSQL),
 * and so do the changes that come with time (a scheduled notice published, one expiring: their
 * jobs), so the TTL only bounds how stale a page can be when an announcement is lost, and how often
 * a busy page is rendered again meanwhile: a copy past half its life is rendered in the background,
 * and a render holds the one thread for 10–50 ms. At 1 s every busy page was rendered twice a
 * second, which set the cached pages' p99 (and at a city's number of busy pages, all of the CPU).
 */
export const pageTtlMs = 60_000;

/** next-auth's session cookie, `__Secure-` prefixed on https and split into `.0`, `.1` … when large. */
const sessionCookie = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
/** The headers of a client-side navigation or prefetch, answered with RSC data, not HTML. */
const rscHeaders = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];

/** Public pages whose content is the same for every anonymous visitor (by path after the locale). */
const publicPages: RegExp[] = [
  /^$/,
  /^\/services$/,
  /^\/services\/[^/]+$/,
  /^\/disclosure$/,
  /^\/disclosure\/guide$/,
  /^\/disclosure\/annual-report\/\d{4}$/,
  /^\/disclosure\/(?!request\/)[^/]+\/[^/]+(\/print)?$/,
  /^\/notices$/,
  /^\/letters(\/figures)?$/,
  /^\/notices\/(?!subscribe$|unsubscribed$)[^/]+$/,
  /^\/search$/,
  /^\/accessibility$/,
  /^\/contact$/,
  /^\/sitemap$/,
];

const ZPageRequest = z.object({
  method: z.string(),
  pathname: z.string().max(2048),
  search: z.string().max(2048),
  cookieNames: z.array(z.string()),
  headerNames: z.array(z.string()),
});
export type TPageRequest = z.infer<typeof ZPageRequest>;

/** A public `/{locale}/…` page that reads nothing personal. */
export function isPublicPage(pathname: string): boolean {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match || !isLocale(match[1])) return false;
  const rest = match[2] ?? "";
  return publicPages.some((page) => page.test(rest));
}

export function hasSession(cookieNames: string[]): boolean {
  return cookieNames.some((name) => sessionCookie.test(name));
}

/** Whether this request may be answered with the shared copy: an anonymous GET or HEAD of a public page, for HTML. */
export function isCacheableRequest(request: TPageRequest): boolean {
  const parsed = ZPageRequest.safeParse(request);
  if (!parsed.success) return false;
  const { method, pathname, search, cookieNames, headerNames } = parsed.data;
  if (method !== "GET" && method !== "HEAD") return false;
  if (hasSession(cookieNames)) return false;
  const lower = headerNames.map((name) => name.toLowerCase());
  if (rscHeaders.some((name) => lower.includes(name))) return false;
  if (search && new URLSearchParams(search).has("_rsc")) return false;
  return isPublicPage(pathname);
}

/** The query a visitor sees: without Next's `_rsc` cache-buster, which the proxy sees raw (skipProxyUrlNormalize). */
export function visibleSearch(search: string): string {
  const params = new URLSearchParams(search);
  if (!params.has("_rsc")) return search;
  params.delete("_rsc");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/** The shared copy is kept per URL and elder mode (the only cookie an anonymous page reads). */
export function pageCacheKey(input: { pathname: string; search: string; elder: boolean }): string {
  return `${input.elder ? "elder" : "plain"} ${input.pathname}${input.search}`;
}

/** Whether a freshly rendered answer may be shared: a complete HTML page that sets no cookie. */
export function isShareableResponse(input: {
  status: number;
  contentType: string | null;
  setsCookie: boolean;
}): boolean {
  return input.status === 200 && !input.setsCookie && (input.contentType ?? "").startsWith("text/html");
}
