import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { feedStylesheet } from "./feedStylesheet";
import { feedContentSecurityPolicy, feedCss, feedCssHash, feedLocaleOf } from "../http/feedPolicy";
import { noticesRss } from "./feed";
import { readXml } from "../../tests/helpers/readXml";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

describe("the feed's stylesheet and policy", () => {
  it("allows the page's one style by its hash, and nothing that could break out of a <style>", () => {
    expect(feedCssHash).toBe(`sha256-${createHash("sha256").update(feedCss).digest("base64")}`);
    expect(feedCss).not.toMatch(/[<>&]/);
  });

  it("names only the feed paths, and allows only the stylesheet at the public address", () => {
    expect(feedLocaleOf("/en/notices/feed.xml")).toBe("en");
    expect(feedLocaleOf("/zh-Hant/notices/feed.xml")).toBe("zh-Hant");
    for (const other of [
      "/sitemap.xml",
      "/en/notices/feed.xsl",
      "/xx/notices/feed.xml",
      "/en/notices/feed.xml/x",
    ])
      expect(feedLocaleOf(other), other).toBeNull();
    expect(feedContentSecurityPolicy("en", new URL("https://portal.example.cn/any/path"))).toBe(
      `default-src 'none'; script-src https://portal.example.cn/en/notices/feed.xsl; style-src '${feedCssHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(feedContentSecurityPolicy("en", null)).toBe("default-src 'none'");
  });

  it.each(xssPayloads.map((p, i) => [i, p]))(
    "label payload %i stays text in the stylesheet",
    (_i, payload) => {
      const xsl = feedStylesheet({
        lang: "en",
        intro: payload,
        listLink: payload,
        untranslated: payload,
        published: payload,
      });
      const read = readXml(xsl);
      expect(read.error, xsl).toBeNull();
      // the stylesheet's own markup only: the payload never adds an element
      const names = new Set(read.elements.map((e) => e.name));
      for (const name of names)
        expect(name, name).toMatch(
          /^(xsl:|html$|head$|meta$|title$|style$|body$|main$|p$|h1$|h2$|a$|ul$|li$)/,
        );
      expect(read.elements.filter((e) => e.name === "p" && e.attributes.class === "about")[0].text).toBe(
        payload,
      );
    },
  );

  it("the feed names it, marks items in another language and dates them in the feed's language", () => {
    const xml = noticesRss({
      title: "Community notices",
      description: "d",
      language: "en",
      selfUrl: "https://portal.example/en/notices/feed.xml",
      listUrl: "https://portal.example/en/notices",
      noticeUrl: (id) => `https://portal.example/en/notices/${id}`,
      categoryLabel: (code) => code,
      copyright: "c",
      stylesheet: '/en/notices/feed.xsl?"><x>',
      dateLabel: () => "1 December 2026",
      notices: [
        {
          id: "a",
          title: "停水通知",
          body: "正文",
          category: "utilities",
          publishedAt: new Date(),
          lang: "zh-Hans",
        },
        { id: "b", title: "Water cut", body: "Body", category: "utilities", publishedAt: new Date() },
      ],
    });
    expect(xml.split("\n")[1]).toBe(
      '<?xml-stylesheet type="text/xsl" href="/en/notices/feed.xsl?&quot;&gt;&lt;x&gt;"?>',
    );
    const read = readXml(xml);
    expect(read.error).toBeNull();
    const titles = read.elements.filter((e) => e.name === "title").slice(1);
    expect(titles.map((t) => t.attributes["xml:lang"])).toEqual(["zh-Hans", undefined]);
    expect(read.elements.filter((e) => e.name === "portal:date").map((e) => e.text)).toEqual([
      "1 December 2026",
      "1 December 2026",
    ]);
    expect(read.elements.find((e) => e.name === "rss")?.attributes["xmlns:portal"]).toBe("urn:onestop:feed");
  });
});
