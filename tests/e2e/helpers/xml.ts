import type { Page } from "@playwright/test";

const atom = "http://www.w3.org/2005/Atom";
const sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
const xhtml = "http://www.w3.org/1999/xhtml";

/** The elements an RSS 2.0 feed may hold, as `namespace localName` (no namespace: RSS itself). */
export const rssVocabulary = [
  ...[
    "rss",
    "channel",
    "title",
    "link",
    "description",
    "language",
    "copyright",
    "lastBuildDate",
    "pubDate",
    "docs",
    "generator",
    "ttl",
    "item",
    "guid",
    "category",
  ].map((name) => ` ${name}`),
  `${atom} link`,
  // the publication date as the feed's language writes it, for the feed read as a page
  "urn:onestop:feed date",
];

/** The one processing instruction the notices feed carries: its own XSL stylesheet, on the same origin. */
export const feedStylesheetInstruction =
  /^xml-stylesheet type="text\/xsl" href="\/(zh-Hans|zh-Hant|en)\/notices\/feed\.xsl"$/.source;

/** A sitemap's elements: the sitemap protocol's own and the XHTML `link` for hreflang alternates. */
export const sitemapVocabulary = [
  ...["urlset", "url", "loc", "lastmod", "changefreq", "priority"].map((name) => `${sitemaps} ${name}`),
  `${xhtml} link`,
];

/**
 * Parses `xml` with the browser's own XML parser (the one that would run an XHTML script in it)
 * and lists what is wrong: not well-formed, a doctype or processing instruction (other than those
 * `instructions` allows, `target data` patterns), an element outside `vocabulary`, an event-handler attribute. Also returns the text of every element named
 * `textOf` (no namespace), so a caller can check that what was written comes back as text.
 */
export async function readXml(
  page: Page,
  xml: string,
  vocabulary: string[],
  textOf = "title",
  instructions: string[] = [],
): Promise<{ problems: string[]; texts: string[] }> {
  return page.evaluate(
    ({ xml, vocabulary, textOf, instructions }) => {
      const allowed = (node: Node) =>
        node.nodeType === Node.PROCESSING_INSTRUCTION_NODE &&
        instructions.some((pattern) =>
          new RegExp(pattern).test(`${node.nodeName} ${(node as ProcessingInstruction).data}`),
        );
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0];
      if (error) return { problems: [`not well-formed: ${error.textContent}`], texts: [] };
      const problems: string[] = [];
      for (const node of doc.childNodes)
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.COMMENT_NODE && !allowed(node))
          problems.push(`top-level node ${node.nodeName}`);
      const walker = doc.createTreeWalker(
        doc,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) {
          if (!allowed(node)) problems.push(`<?${node.nodeName}?>`);
          continue;
        }
        const element = node as Element;
        const key = `${element.namespaceURI ?? ""} ${element.localName}`;
        if (!vocabulary.includes(key)) problems.push(`<${element.nodeName}> (${key})`);
        for (const attribute of element.attributes)
          if (/^on/i.test(attribute.localName)) problems.push(`${element.nodeName}[${attribute.name}]`);
      }
      const texts = [...doc.getElementsByTagNameNS(null, textOf)].map((e) => e.textContent ?? "");
      return { problems, texts };
    },
    { xml, vocabulary, textOf, instructions },
  );
}
