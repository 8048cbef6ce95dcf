/**
 * Which page requests count against a limit before they are rendered (proxy.ts), and how long the
 * client must wait: a 查询码 lookup on the track page, the disclosure confirmation page or a
 * letter's page (its code in the letter's cookie) (checked: the lookup itself counts it), and a search on the search page (counted
 * here, per client address, as the search API counts). Free of `server-only`: proxy.ts imports it.
 */
import type { NextRequest } from "next/server";
import { accessCodePattern, trackingNumberPattern } from "../identifiers/patterns";
import { letterCodeOf, letterCookieName } from "../http/letterCookie";
import { clientAddressHeader } from "../http/clientAddressHeader";
import { isLocale } from "../i18n/settings";
import { pageGate } from "./pageGate";
import { decodeTrackingLookup, lookupParam, trackingCookieName } from "../http/trackingCookie";

type TPageWait = { retryAfterSeconds: number; kind: "attempts" | "requests" };

/**
 * The number and code a lookup page was asked for, as the page reads them (trimmed, upper case):
 * posted, they come in the tracking cookie the page's `lookup` parameter names.
 */
function lookupOf(request: NextRequest, page: string): { trackingNumber: string; accessCode: string } | null {
  // a letter's page and its confirmation page look up the 查询码 kept in the letter's cookie
  // (never `?code=`: the page does not read it)
  const letter = /^letters\/([^/]+)(?:\/sent)?$/.exec(page)?.[1];
  if (letter) {
    const accessCode = letterCodeOf(letter, request.cookies.get(letterCookieName(letter))?.value);
    return accessCode ? { trackingNumber: letter, accessCode } : null;
  }
  if (page !== "track" && page !== "disclosure/request/confirmation") return null;
  const kept = decodeTrackingLookup(
    request.cookies.get(trackingCookieName())?.value,
    request.nextUrl.searchParams.get(lookupParam),
  );
  if (!kept) return null;
  const trackingNumber = kept.trackingNumber.trim().toUpperCase();
  const accessCode = kept.accessCode.trim().toUpperCase();
  return trackingNumberPattern.test(trackingNumber) && accessCodePattern.test(accessCode)
    ? { trackingNumber, accessCode }
    : null;
}

/** How long this page request must wait before it may be rendered; null when it may be now. */
export async function pageWait(request: NextRequest): Promise<TPageWait | null> {
  const gate = pageGate();
  if (!gate || request.method !== "GET") return null;
  const [, locale, ...rest] = request.nextUrl.pathname.split("/");
  if (!isLocale(locale)) return null;
  const page = rest.join("/");
  const address = request.headers.get(clientAddressHeader) ?? "unknown";
  const lookup = lookupOf(request, page);
  if (lookup) {
    const seconds = await gate.accessCode({ trackingNumber: lookup.trackingNumber, address });
    return seconds > 0 ? { retryAfterSeconds: seconds, kind: "attempts" } : null;
  }
  // a prefetch (a link to a search in view) renders no results, so it is no search to count
  const prefetch = request.headers.has("next-router-prefetch");
  if (page === "search" && !prefetch && request.nextUrl.searchParams.get("q")?.trim()) {
    const seconds = await gate.search({ address });
    return seconds > 0 ? { retryAfterSeconds: seconds, kind: "requests" } : null;
  }
  return null;
}
