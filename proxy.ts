import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, localeFromAcceptLanguage } from "./lib/i18n/settings";
import { isCacheFill, servePublicPage } from "./lib/cache/servePublicPage";
import { visibleSearch } from "./lib/cache/pagePolicy";
import { pageStore } from "./lib/cache/pageStore";
import { applySecurityHeaders, newNonce } from "./lib/http/securityHeaders";
import { sameOriginOrSafe } from "./lib/http/sameOrigin";
import {
  bodyTooLargeRefusal,
  crossSiteRefusal,
  pageBodyTooLarge,
  tooManyRequestsPage,
} from "./lib/http/proxyRefusals";
import { pageWait } from "./lib/throttle/pageLimits";

/** API routes, crawler files and route handlers with a file extension (feeds, CSV, PDF): not pages. */
const resourcePath = /^\/api\/|\.[a-z0-9]+$/;

/**
 * Every answer gets its security headers here (lib/http/securityHeaders): a page a CSP with a
 * nonce of its own, anything else a CSP that allows nothing. A write to a page from another site (a
 * server action called cross-site) is refused before Next sees it, and so is a body larger than a
 * page's form sends (forms with files post to the form routes, which the proxy leaves alone) and a
 * lookup or search over its limit (lib/throttle/pageLimits: 429 with Retry-After).
 * `/` and unprefixed public paths go to a locale (Accept-Language, default zh-Hans);
 * every page learns its own path through a request header so the language switcher
 * can keep the visitor on the same page. Anonymous visitors to public pages are answered from
 * the shared page cache (lib/cache), which renders each page at most about once a second.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (resourcePath.test(pathname)) {
    const response = NextResponse.next();
    applySecurityHeaders(response.headers, { resource: pathname });
    return response;
  }
  // the cache's own render uses the process's stand-in nonce, which every copy served replaces
  const nonce = isCacheFill(request) ? pageStore().nonceStandIn : newNonce();
  const response = await answerPage(request, nonce);
  applySecurityHeaders(response.headers, { nonce });
  return response;
}

async function answerPage(request: NextRequest, nonce: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (!sameOriginOrSafe(request)) return crossSiteRefusal(request);
  if (await pageBodyTooLarge(request)) return bodyTooLargeRefusal(request);
  const search = visibleSearch(request.nextUrl.search);
  const first = pathname.split("/")[1] ?? "";
  const unprefixedPublic = !isLocale(first) && !["staff", "api"].includes(first);
  if (unprefixedPublic) {
    const locale =
      pathname === "/" ? localeFromAcceptLanguage(request.headers.get("accept-language")) : defaultLocale;
    const target = new URL(`/${locale}${pathname === "/" ? "" : pathname}${search}`, request.url);
    const response = NextResponse.redirect(target, 307);
    response.headers.set("Vary", "Accept-Language");
    return response;
  }
  if (!isCacheFill(request)) {
    // a page over a limit answers 429 before it renders (a rendering page cannot set its status)
    const wait = await pageWait(request);
    if (wait) return tooManyRequestsPage(pathname, wait);
    const cached = await servePublicPage(request, nonce);
    if (cached) return cached;
  }
  const headers = new Headers(request.headers);
  headers.set("x-onestop-path", pathname + search);
  // Next reads the nonce from the request's policy and puts it on every script it writes
  headers.set("content-security-policy", `script-src 'nonce-${nonce}'`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // everything but Next's own files (static, immutable) and the routes that take uploads (the API's
  // and the forms' with file inputs), whose bodies the proxy must not buffer: Next copies a body
  // the proxy sees into memory. Those get their fixed headers from next.config.js, and the routes
  // their own security headers.
  matcher: ["/((?!_next/|api/v1/uploads|api/forms/).*)"],
};
