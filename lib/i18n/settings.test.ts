import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./settings";
import { pathInLocale, withQuery } from "./paths";
import { localText } from "./content";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [undefined, "zh-Hans"],
    ["", "zh-Hans"],
    ["en-GB,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK,en;q=0.5", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["fr-FR,en;q=0.3", "en"],
    ["en;q=0.2,zh;q=0.8", "zh-Hans"],
    ["de-DE", "zh-Hans"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("pathInLocale", () => {
  it("swaps the locale and keeps the rest of the path and the query", () => {
    expect(pathInLocale("/zh-Hans/services/RS-JYDJ-001?x=1", "en")).toBe("/en/services/RS-JYDJ-001?x=1");
    expect(pathInLocale("/en", "zh-Hant")).toBe("/zh-Hant");
    expect(pathInLocale("/zh-Hans/disclosure/SZF/2006-00001", "zh-Hant")).toBe(
      "/zh-Hant/disclosure/SZF/2006-00001",
    );
  });
});

describe("localText", () => {
  it("converts Simplified to Traditional for zh-Hant", () => {
    expect(localText("zh-Hant", "政务服务").text).toBe("政務服務");
  });
  it("prefers the stored English and marks Chinese fallbacks", () => {
    expect(localText("en", "就业登记", "Employment registration")).toEqual({
      text: "Employment registration",
      lang: "en",
    });
    expect(localText("en", "就业登记", null)).toEqual({ text: "就业登记", lang: "zh-Hans" });
  });
});

describe("withQuery", () => {
  it("drops empty parameters", () => {
    expect(withQuery("/en/notices", { community: "510104", category: undefined, page: 2 })).toBe(
      "/en/notices?community=510104&page=2",
    );
    expect(withQuery("/en/notices", {})).toBe("/en/notices");
  });
});
