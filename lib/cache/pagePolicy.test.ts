import { describe, expect, it } from "vitest";
import {
  hasSession,
  isCacheableRequest,
  isPublicPage,
  isShareableResponse,
  pageCacheKey,
  sharedCacheControl,
  sharedVary,
  visibleSearch,
  type TPageRequest,
} from "./pagePolicy";

const anonymous = (pathname: string, more: Partial<TPageRequest> = {}): TPageRequest => ({
  method: "GET",
  pathname,
  search: "",
  cookieNames: [],
  headerNames: ["accept", "cookie"],
  ...more,
});

describe("which pages are public", () => {
  it.each([
    "/zh-Hans",
    "/en/services",
    "/zh-Hant/services/RS-JYDJ-001",
    "/zh-Hans/disclosure",
    "/zh-Hans/disclosure/SZF/2006-00001",
    "/en/disclosure/SZF/2006-00001/print",
    "/zh-Hans/disclosure/guide",
    "/zh-Hans/disclosure/annual-report/2026",
    "/zh-Hans/notices",
    "/zh-Hans/notices/abc123",
    "/zh-Hans/search",
    "/en/contact",
    "/en/accessibility",
    "/en/sitemap",
  ])("%s is", (path) => {
    expect(isPublicPage(path)).toBe(true);
  });
  it.each([
    "/",
    "/fr",
    "/fr/services",
    "/staff",
    "/staff/documents",
    "/api/v1/services",
    "/zh-Hans/account",
    "/zh-Hans/account/cases/SV20261126000123",
    "/zh-Hans/services/RS-JYDJ-001/apply",
    "/zh-Hans/services/RS-JYDJ-001/apply/confirmation",
    "/zh-Hans/track",
    "/zh-Hans/sign-in",
    "/zh-Hans/register",
    "/zh-Hans/disclosure/request",
    "/zh-Hans/disclosure/request/confirmation",
    "/zh-Hans/notices/subscribe",
    "/zh-Hans/notices/unsubscribed",
    "/zh-Hans/notices/abc/preview",
    "/zh-Hans/notices/subscribe/confirm",
  ])("%s is not", (path) => {
    expect(isPublicPage(path)).toBe(false);
  });
});

describe("which requests share the cached page", () => {
  it("an anonymous GET or HEAD of a public page", () => {
    expect(isCacheableRequest(anonymous("/zh-Hans/services/RS-JYDJ-001"))).toBe(true);
    expect(
      isCacheableRequest(
        anonymous("/zh-Hans/notices", {
          method: "HEAD",
          search: "?community=x",
          cookieNames: ["onestop-elder", "next-auth.csrf-token"],
        }),
      ),
    ).toBe(true);
  });
  it("never a signed-in visitor's, on http or https, chunked or not", () => {
    for (const name of [
      "next-auth.session-token",
      "__Secure-next-auth.session-token",
      "next-auth.session-token.0",
    ]) {
      expect(hasSession([name])).toBe(true);
      expect(isCacheableRequest(anonymous("/zh-Hans", { cookieNames: ["onestop-elder", name] }))).toBe(false);
    }
    expect(hasSession(["next-auth.csrf-token", "next-auth.callback-url"])).toBe(false);
  });
  it("never a form post, a client navigation or a prefetch", () => {
    expect(isCacheableRequest(anonymous("/zh-Hans", { method: "POST" }))).toBe(false);
    expect(isCacheableRequest(anonymous("/zh-Hans", { headerNames: ["RSC"] }))).toBe(false);
    expect(isCacheableRequest(anonymous("/zh-Hans", { headerNames: ["next-router-prefetch"] }))).toBe(false);
    expect(isCacheableRequest(anonymous("/zh-Hans", { headerNames: ["Next-Action"] }))).toBe(false);
    expect(isCacheableRequest(anonymous("/zh-Hans", { search: "?_rsc=abc" }))).toBe(false);
  });
  it("refuses what does not parse", () => {
    expect(isCacheableRequest({ ...anonymous("/zh-Hans"), pathname: "/zh-Hans/" + "x".repeat(5000) })).toBe(
      false,
    );
  });
});

describe("keys and headers", () => {
  it("keys on the URL with its query and on elder mode", () => {
    const plain = pageCacheKey({ pathname: "/zh-Hans/notices", search: "?page=2", elder: false });
    expect(plain).not.toBe(pageCacheKey({ pathname: "/zh-Hans/notices", search: "?page=2", elder: true }));
    expect(plain).not.toBe(pageCacheKey({ pathname: "/zh-Hans/notices", search: "", elder: false }));
  });
  it("lets a CDN share the page for a second and vary on the cookie and Next's navigation headers", () => {
    expect(sharedCacheControl).toBe("public, max-age=0, s-maxage=1");
    expect(sharedVary).toMatch(/^Cookie, RSC,/);
  });
  it("shares only complete HTML that sets no cookie", () => {
    expect(
      isShareableResponse({ status: 200, contentType: "text/html; charset=utf-8", setsCookie: false }),
    ).toBe(true);
    expect(isShareableResponse({ status: 200, contentType: "text/html", setsCookie: true })).toBe(false);
    expect(isShareableResponse({ status: 404, contentType: "text/html", setsCookie: false })).toBe(false);
    expect(isShareableResponse({ status: 307, contentType: null, setsCookie: false })).toBe(false);
    expect(isShareableResponse({ status: 200, contentType: "text/x-component", setsCookie: false })).toBe(
      false,
    );
  });
});

describe("the query a page sees", () => {
  it("drops only Next's _rsc cache-buster", () => {
    expect(visibleSearch("?_rsc=1abc")).toBe("");
    expect(visibleSearch("?q=%E4%BD%8E&_rsc=1abc")).toBe("?q=%E4%BD%8E");
    expect(visibleSearch("?page=2")).toBe("?page=2");
    expect(visibleSearch("")).toBe("");
  });
});
