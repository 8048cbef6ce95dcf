import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, localeFromAcceptLanguage } from "./lib/i18n/settings";
import { isCacheFill, servePublicPage } from "./lib/cache/servePublicPage";
import { visibleSearch } from "./lib/cache/pagePolicy";

/**
 * `/` and unprefixed public paths go to a locale (Accept-Language, default zh-Hans);
 * every page learns its own path through a request header so the language switcher
 * can keep the visitor on the same page. Anonymous visitors to public pages are answered from
 * the shared page cache (lib/cache), which renders each page at most about once a second.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
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
    const cached = await servePublicPage(request);
    if (cached) return cached;
  }
  const headers = new Headers(request.headers);
  headers.set("x-onestop-path", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // everything but Next's own files, crawler files and files with an extension
  matcher: ["/((?!_next/|api/|sitemap\\.xml|robots\\.txt|favicon\\.ico|.*\\.[a-z0-9]+$).*)"],
};
