import { xmlDocument, xmlElement } from "../shared/xml";

type TFeedLetter = {
  number: string;
  publicSubject: string | null;
  publicReply: string | null;
  kindLabel: string;
  publishedAt: Date | null;
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * RSS 2.0 of published replies: the redacted copy only. Every text is escaped by the XML
 * writer, and the description is HTML-escaped plain text too, so a reader that treats it as HTML
 * shows what was written and never runs it.
 */
export function lettersRss(input: {
  title: string;
  description: string;
  language: string;
  selfUrl: string;
  listUrl: string;
  letterUrl: (number: string) => string;
  letters: TFeedLetter[];
}): string {
  const updated = input.letters[0]?.publishedAt ?? new Date(0);
  const items = input.letters.map((letter) => {
    const url = input.letterUrl(letter.number);
    const reply = letter.publicReply ?? "";
    return xmlElement(
      "item",
      {},
      xmlElement("title", {}, letter.publicSubject ?? letter.number),
      xmlElement("link", {}, url),
      xmlElement("guid", { isPermaLink: "true" }, url),
      xmlElement("pubDate", {}, (letter.publishedAt ?? new Date(0)).toUTCString()),
      xmlElement("description", {}, escapeHtml(reply.length > 500 ? `${reply.slice(0, 500)}…` : reply)),
      xmlElement("category", {}, letter.kindLabel),
    );
  });
  return xmlDocument(
    xmlElement(
      "rss",
      { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" },
      xmlElement(
        "channel",
        {},
        xmlElement("title", {}, input.title),
        xmlElement("link", {}, input.listUrl),
        xmlElement("description", {}, input.description),
        xmlElement("lastBuildDate", {}, updated.toUTCString()),
        xmlElement("language", {}, input.language),
        xmlElement("atom:link", { href: input.selfUrl, rel: "self", type: "application/rss+xml" }),
        ...items,
      ),
    ),
  );
}
