/**
 * Short refusals the proxy answers before Next sees a request, in the page's language: a write
 * sent to a page from another site (a server action called cross-site, or a form on another site
 * posting here) gets 403 before Next's own check, which would answer 500; a body larger than any
 * page's form sends gets 413 before Next reads it; a page over a limit gets 429 with Retry-After.
 * Free of `server-only`: proxy.ts uses it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, type TLocale } from "../i18n/settings";
import zhHans from "../../locales/zh-Hans/errors.json";
import zhHant from "../../locales/zh-Hant/errors.json";
import en from "../../locales/en/errors.json";
import zhHansCommon from "../../locales/zh-Hans/common.json";
import zhHantCommon from "../../locales/zh-Hant/common.json";
import enCommon from "../../locales/en/common.json";

const messages: Record<TLocale, typeof en> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };
const homeLink: Record<TLocale, string> = {
  "zh-Hans": zhHansCommon.notFound.home,
  "zh-Hant": zhHantCommon.notFound.home,
  en: enCommon.notFound.home,
};

/** The language of the page at `pathname` (its first segment), or the default. */
function localeOf(pathname: string): TLocale {
  const segment = pathname.split("/")[1];
  return isLocale(segment) ? segment : defaultLocale;
}

function refusal(
  request: NextRequest,
  status: number,
  key: "crossSiteRefused" | "bodyTooLarge",
): NextResponse {
  const locale = localeOf(request.nextUrl.pathname);
  return new NextResponse(messages[locale][key], {
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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * 429 for a page over a limit: how long to wait (Retry-After, and in minutes on the page) in the
 * page's language, as a plain page that needs no script or style. `kind` says what was limited:
 * attempts at a 查询码, or requests from the connection.
 */
export function tooManyRequestsPage(
  pathname: string,
  input: { retryAfterSeconds: number; kind: "attempts" | "requests" },
): NextResponse {
  const locale = localeOf(pathname);
  const m = messages[locale];
  const minutes = String(Math.max(1, Math.ceil(input.retryAfterSeconds / 60)));
  const body = (input.kind === "attempts" ? m.tooManyAttempts : m.tooManyRequestsBody).replace(
    "{{limit}}",
    minutes,
  );
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(m.tooManyRequestsTitle)}</title></head><body><main>` +
    `<h1>${escapeHtml(m.tooManyRequestsTitle)}</h1><p>${escapeHtml(body)}</p>` +
    `<p><a href="/${locale}">${escapeHtml(homeLink[locale])}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(input.retryAfterSeconds),
    },
  });
}
