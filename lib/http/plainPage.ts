/**
 * A short page answered before Next renders anything (a refusal, a busy server): the errors
 * namespace's text in the page's language, with a link home, as plain HTML that needs no script
 * or style. Free of `server-only` and of Next: proxy.ts and scripts/server.ts both use it.
 */
import type { IncomingMessage } from "node:http";
import { defaultLocale, isLocale, localeFromAcceptLanguage, type TLocale } from "../i18n/settings";
import { applySecurityHeaders } from "./securityHeaders";
import everyResponseHeaders from "./everyResponseHeaders.json";
import zhHans from "../../locales/zh-Hans/errors.json";
import zhHant from "../../locales/zh-Hant/errors.json";
import en from "../../locales/en/errors.json";
import zhHansCommon from "../../locales/zh-Hans/common.json";
import zhHantCommon from "../../locales/zh-Hant/common.json";
import enCommon from "../../locales/en/common.json";

/** The errors namespace in each language. */
export const errorTexts: Record<TLocale, typeof en> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

const homeLink: Record<TLocale, string> = {
  "zh-Hans": zhHansCommon.notFound.home,
  "zh-Hant": zhHantCommon.notFound.home,
  en: enCommon.notFound.home,
};

/** The language of the page at `pathname` (its first segment), or `otherwise`. */
export function localeOfPath(pathname: string, otherwise: TLocale = defaultLocale): TLocale {
  const segment = pathname.split("/")[1];
  return isLocale(segment) ? segment : otherwise;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page: `title` as its title and heading, `body` below (and `note`, when given, under it),
 * then a link to `home` (the locale's home by default).
 */
export function plainPage(input: {
  locale: TLocale;
  title: string;
  body: string;
  note?: string;
  home?: string;
}): string {
  const { locale, title, body, note } = input;
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body><main>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>` +
    (note ? `<p>${escapeHtml(note)}</p>` : "") +
    `<p><a href="${escapeHtml(input.home ?? `/${locale}`)}">${escapeHtml(homeLink[locale])}</a></p></main></body></html>`
  );
}

/** Whether `pathname` is the API's (its answers are JSON, never a page). */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * Where a plain answer to a request on node's server goes: its path without the query ("/" when
 * it cannot be read), its language (the path's; the browser's where the path has none, as on the
 * staff's pages and the root) and its link home (the staff's own home for a staff page).
 */
export function plainPageAddress(request: IncomingMessage): {
  pathname: string;
  locale: TLocale;
  home: string | undefined;
} {
  const pathname = URL.parse(request.url ?? "/", "http://portal.invalid")?.pathname ?? "/";
  return {
    pathname,
    locale: localeOfPath(pathname, localeFromAcceptLanguage(request.headers["accept-language"])),
    home: pathname.split("/")[1] === "staff" ? "/staff" : undefined,
  };
}

/**
 * The headers of an answer the server in front of Next writes itself (a busy server, a page that
 * failed): the ones next.config.js gives every answer, no caching, and the policy of a resource
 * that allows nothing to load or run (the page needs neither script nor style).
 */
export function plainAnswerHeaders(pathname: string, type: string, length: number): Record<string, string> {
  const headers = new Headers({ ...everyResponseHeaders, "content-type": type, "cache-control": "no-store" });
  applySecurityHeaders(headers, { resource: pathname });
  headers.set("content-length", String(length));
  return Object.fromEntries(headers);
}
