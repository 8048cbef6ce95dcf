import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safeRedirect";
import { openRedirectPayloads } from "../../tests/fixtures/open-redirects";

const origin = "https://portal.example";
const safe = (value: unknown) => safeRedirectPath(value, "/fallback", origin);

describe("safeRedirectPath", () => {
  it("accepts local paths only", () => {
    expect(safe("/en/account")).toBe("/en/account");
    expect(safe("//evil.example/")).toBe("/fallback");
    expect(safe("https://evil.example/")).toBe("/fallback");
    expect(safe("/\\evil.example")).toBe("/fallback");
    expect(safe(null)).toBe("/fallback");
    expect(safe("/\t/evil.example")).toBe("/fallback");
    expect(safe("/%09/evil.example")).toBe("/fallback");
    expect(safe("/ /evil.example")).toBe("/fallback");
    expect(safe("/zh-Hans/notices?community=1#top")).toBe("/zh-Hans/notices?community=1#top");
  });

  it("keeps every return address the portal itself makes", () => {
    for (const path of [
      "/",
      "/zh-Hans",
      "/zh-Hans/account",
      "/en/services/RS-JYDJ-001/apply?step=2",
      "/zh-Hant/account/cases/SV20261126000001",
      "/zh-Hans/search?q=%E5%B0%B1%E4%B8%9A%E7%99%BB%E8%AE%B0&page=2",
      "/zh-Hans/search?q=http://x.example//y",
      "/staff/cases?status=SUBMITTED",
      "/zh-Hans/notices?community=510104001001#my-communities",
    ])
      expect(safe(path), path).toBe(path);
    expect(safe("/zh-Hans/搜索")).toBe("/zh-Hans/%E6%90%9C%E7%B4%A2");
  });

  it("reduces an absolute address on the site to its path and refuses other origins", () => {
    expect(safe("https://portal.example/en/account?x=1#y")).toBe("/en/account?x=1#y");
    expect(safe("HTTPS://PORTAL.EXAMPLE/en/account")).toBe("/en/account");
    expect(safe("http://portal.example/en/account")).toBe("/fallback");
    expect(safe("https://portal.example:8443/en/account")).toBe("/fallback");
    expect(safe("https://portal.example.evil.example/")).toBe("/fallback");
    expect(safe("https://portal.example@evil.example/")).toBe("/fallback");
    expect(safe("https://portal.example/..//evil.example")).toBe("/fallback");
  });

  it(`refuses ${openRedirectPayloads.length} known open-redirect payloads`, () => {
    expect(openRedirectPayloads.length).toBeGreaterThanOrEqual(30);
    for (const payload of openRedirectPayloads)
      expect(safe(payload), JSON.stringify(payload)).toBe("/fallback");
  });

  it("never returns an address a browser would take off the site, whatever the pieces", () => {
    const pieces = [
      "/",
      "\\",
      ".",
      "..",
      "%2F",
      "%2f",
      "%5C",
      "%2e",
      "%252F",
      "evil.example",
      "\t",
      "%09",
      ":",
      "@",
      "?",
      "#",
      "https:",
      "%00",
    ];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 6);
      const value = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const result = safe(value);
      if (result === "/fallback") continue;
      expect(result.startsWith("/") && !result.startsWith("//"), JSON.stringify(value)).toBe(true);
      expect(new URL(result, origin).origin, JSON.stringify(value)).toBe(origin);
      expect(decodeURIComponent(result.split(/[?#]/)[0]), JSON.stringify(value)).not.toMatch(/\/\/|\\/);
    }
  });
});
