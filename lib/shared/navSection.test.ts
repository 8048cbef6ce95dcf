import { describe, expect, it } from "vitest";
import { navHref, navSection } from "./navSection";

describe("the navigation section of a page", () => {
  it("is the section whose pages the path is under, at any depth", () => {
    expect(navSection("/zh-Hans/services", "zh-Hans")).toBe("services");
    expect(navSection("/zh-Hans/services/RS-JYDJ-001/apply?step=materials", "zh-Hans")).toBe("services");
    expect(navSection("/en/disclosure/SZF/2006-00001", "en")).toBe("disclosure");
    expect(navSection("/en/disclosure/annual-report/2025", "en")).toBe("disclosure");
    expect(navSection("/zh-Hant/notices/abc", "zh-Hant")).toBe("notices");
    expect(navSection("/en/verify", "en")).toBe("track");
    expect(navSection("/en/track/", "en")).toBe("track");
  });

  it("is home only for the home page itself", () => {
    expect(navSection("/en", "en")).toBe("home");
    expect(navSection("/en/", "en")).toBe("home");
    expect(navSection("/en/account", "en")).toBeNull();
  });

  it("is none for other pages, look-alike paths and other locales", () => {
    expect(navSection("/en/search", "en")).toBeNull();
    expect(navSection("/en/servicesX", "en")).toBeNull();
    expect(navSection("/zh-Hans/services", "en")).toBeNull();
    expect(navSection("/staff", "en")).toBeNull();
  });

  it("links each section to its own page", () => {
    expect(navHref("en", "home")).toBe("/en");
    expect(navHref("en", "track")).toBe("/en/track");
  });
});
