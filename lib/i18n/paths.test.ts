import { describe, expect, it } from "vitest";
import { currentPagePath, pathInLocale } from "./paths";

describe("currentPagePath", () => {
  it("keeps the server's spelling while the browser is on the same page", () => {
    // the proxy's path keeps the request's escapes; URLSearchParams writes a space as "+"
    expect(
      currentPagePath(
        "/zh-Hans/search?q=%E5%B0%B1%E4%B8%9A%20a",
        "/zh-Hans/search",
        "q=%E5%B0%B1%E4%B8%9A+a",
      ),
    ).toBe("/zh-Hans/search?q=%E5%B0%B1%E4%B8%9A%20a");
    expect(currentPagePath("/zh-Hans/notices", "/zh-Hans/notices", "")).toBe("/zh-Hans/notices");
    // an unknown browser path (before the router knows it) is the server's
    expect(currentPagePath("/en/track", null, "")).toBe("/en/track");
  });

  it("follows the browser once a client-side navigation has moved on", () => {
    expect(currentPagePath("/zh-Hans", "/zh-Hans/services", "audience=LEGAL_PERSON")).toBe(
      "/zh-Hans/services?audience=LEGAL_PERSON",
    );
    expect(currentPagePath("/zh-Hans/services?audience=LEGAL_PERSON", "/zh-Hans/services", "")).toBe(
      "/zh-Hans/services",
    );
    expect(pathInLocale(currentPagePath("/zh-Hans", "/zh-Hans/notices", "page=2"), "en")).toBe(
      "/en/notices?page=2",
    );
  });

  it("does not throw on a malformed escape", () => {
    // URLSearchParams reads a broken escape as U+FFFD, as the browser's router does: the same page
    expect(currentPagePath("/zh-Hans/search?q=%E5", "/zh-Hans/search", "q=%EF%BF%BD")).toBe(
      "/zh-Hans/search?q=%E5",
    );
    // decodeURIComponent throws on the path's: compared as written
    expect(currentPagePath("/zh-Hans/%E5", "/zh-Hans/%E5", "")).toBe("/zh-Hans/%E5");
    expect(currentPagePath("/zh-Hans/%E5", "/zh-Hans/track", "")).toBe("/zh-Hans/track");
  });
});
