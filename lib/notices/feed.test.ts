import { describe, expect, it } from "vitest";
import { noticesRss } from "./feed";
import { readXml } from "../../tests/helpers/readXml";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

const rssElements = new Set([
  "rss",
  "channel",
  "title",
  "link",
  "description",
  "lastBuildDate",
  "docs",
  "generator",
  "language",
  "copyright",
  "atom:link",
  "item",
  "guid",
  "pubDate",
  "category",
]);

function feedOf(text: string) {
  return noticesRss({
    title: `Notices ${text}`,
    description: text,
    language: "en",
    selfUrl: `https://portal.example/en/notices/feed.xml?q=${text}`,
    listUrl: `https://portal.example/en/notices?q=${text}`,
    noticeUrl: (id) => `https://portal.example/en/notices/${id}`,
    categoryLabel: (code) => `${code} ${text}`,
    copyright: text,
    notices: [
      {
        id: "n1",
        title: text,
        body: text,
        category: "utilities",
        publishedAt: new Date("2026-11-30T01:00:00Z"),
      },
      { id: `n2${text}`, title: `${text} ${text}`, body: "正文", category: "emergency", publishedAt: null },
    ],
  });
}

describe("the notices feed against XSS and XML payloads", () => {
  it.each(
    [
      ...xssPayloads,
      "]]>]]>]]>",
      "a\u0001\u000b\u001b\ufffe\ud800b <x:script xmlns:x='http://www.w3.org/1999/xhtml'/>",
    ].map((p, i) => [i, p]),
  )("payload %i stays text: well-formed, RSS elements only, titles as written", (_i, payload) => {
    const xml = feedOf(payload);
    const read = readXml(xml);
    expect(read.error, xml).toBeNull();
    expect(read.elements.map((e) => e.name).filter((name) => !rssElements.has(name))).toEqual([]);
    const carried = payload.replace(/[\u0001\u000b\u001b\ufffe]|\ud800/g, "");
    const titles = read.elements.filter((e) => e.name === "title").map((e) => e.text);
    expect(titles).toEqual([`Notices ${carried}`, carried, `${carried} ${carried}`]);
    expect(read.elements.filter((e) => e.name === "category").map((e) => e.text)).toEqual([
      `utilities ${carried}`,
      `emergency ${carried}`,
    ]);
    expect(read.elements.find((e) => e.name === "atom:link")?.attributes.href).toBe(
      `https://portal.example/en/notices/feed.xml?q=${carried}`,
    );
  });
});
