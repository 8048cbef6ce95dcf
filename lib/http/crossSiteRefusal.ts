/**
 * The answer to a write sent to a page from another site (a server action called cross-site, or
 * a form on another site posting here): 403 with a short message in the page's language, before
 * Next's own check, which would answer 500. Free of `server-only`: proxy.ts uses it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, type TLocale } from "../i18n/settings";
import zhHans from "../../locales/zh-Hans/errors.json";
import zhHant from "../../locales/zh-Hant/errors.json";
import en from "../../locales/en/errors.json";

const messages: Record<TLocale, string> = {
  "zh-Hans": zhHans.crossSiteRefused,
  "zh-Hant": zhHant.crossSiteRefused,
  en: en.crossSiteRefused,
};

export function crossSiteRefusal(request: NextRequest): NextResponse {
  const segment = request.nextUrl.pathname.split("/")[1];
  const locale = isLocale(segment) ? segment : defaultLocale;
  return new NextResponse(messages[locale], {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
