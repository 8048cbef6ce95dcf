import { describe, expect, it } from "vitest";
import { acceptsGzip, isPlainPath, matchesEtag, targetOf } from "./fastPath";

describe("the page cache's first door reads a client's headers as HTTP means them", () => {
  it("sends gzip only when Accept-Encoding allows it", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity, x-gzip-not")).toBe(false);
  });

  it("answers 304 only for the copy's own ETag (weak or strong) or *", () => {
    const etag = '"abc"';
    expect(matchesEtag('"abc"', etag)).toBe(true);
    expect(matchesEtag('W/"abc"', etag)).toBe(true);
    expect(matchesEtag('"x", "abc"', etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag('"abd"', etag)).toBe(false);
    expect(matchesEtag("abc", etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });

  it("answers only plain paths: whatever the URL parser would resolve goes to Next", () => {
    expect(isPlainPath("/zh-Hans/notices")).toBe(true);
    expect(isPlainPath("/zh-Hans/search?q=a/../b")).toBe(true);
    expect(isPlainPath("/zh-Hans/%2e%2e/en/notices")).toBe(false);
    expect(isPlainPath("/zh-Hans/%2E/notices")).toBe(false);
    expect(isPlainPath("/zh-Hans/../en/notices")).toBe(false);
    expect(isPlainPath("//evil.example/zh-Hans")).toBe(false);
    expect(isPlainPath("/zh-Hans\\notices")).toBe(false);
    expect(isPlainPath("http://evil.example/zh-Hans")).toBe(false);
  });

  it("splits a target into the pathname and search the URL parser gives, with or without parsing", () => {
    const targets = [
      "/zh-Hans/notices",
      "/zh-Hans/search?q=%E4%BD%8E%E4%BF%9D&type=notice",
      "/zh-Hans/search?",
      "/zh-Hans/search?q=a?b",
      "/zh-Hans/search?q='x'",
      '/zh-Hans/search?q="x"',
      "/zh-Hans/search?q=低保",
      "/zh-Hans/notices#top",
      "/zh-Hans/a b",
      "/zh-Hans/%zz?q=%",
      "/zh-Hans/{x}?q=<y>",
      "/zh-Hans/search?q=a+b&q=c",
      "//evil.example/zh-Hans",
      "/zh-Hans/../en/notices",
      "/zh-Hans/%2e%2e/en",
    ];
    for (const target of targets) {
      const url = new URL(target, "http://localhost");
      expect(targetOf(target), target).toEqual({ pathname: url.pathname, search: url.search });
    }
  });
});
