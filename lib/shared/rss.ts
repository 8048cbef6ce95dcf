import { xmlDocument, xmlElement, type TXmlElement } from "./xml";

/** What an RSS 2.0 channel says of itself, besides its items. */
export type TRssChannel = {
  title: string;
  description: string;
  language: string;
  selfUrl: string;
  listUrl: string;
  copyright?: string;
  /** link the RSS 2.0 specification from the channel (`docs`) */
  docs?: boolean;
  /** namespaces the items use besides Atom's */
  namespaces?: Record<string, string | undefined>;
  /** the XSL stylesheet a browser shows the feed with, as a page */
  stylesheet?: string;
};

/**
 * An item's description: plain text cut at 500 characters and HTML-escaped too (the XML writer
 * escapes it once more), so a reader that treats it as HTML shows what was written and never runs it.
 */
export function rssDescription(text: string): string {
  const cut = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  return cut.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The RSS 2.0 document of a channel, last built when its newest item was published. */
export function rssDocument(channel: TRssChannel, updated: Date, items: TXmlElement[]): string {
  return xmlDocument(
    xmlElement(
      "rss",
      { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", ...channel.namespaces },
      xmlElement(
        "channel",
        {},
        xmlElement("title", {}, channel.title),
        xmlElement("link", {}, channel.listUrl),
        xmlElement("description", {}, channel.description),
        xmlElement("lastBuildDate", {}, updated.toUTCString()),
        channel.docs ? xmlElement("docs", {}, "https://validator.w3.org/feed/docs/rss2.html") : null,
        xmlElement("language", {}, channel.language),
        channel.copyright === undefined ? null : xmlElement("copyright", {}, channel.copyright),
        xmlElement("atom:link", { href: channel.selfUrl, rel: "self", type: "application/rss+xml" }),
        ...items,
      ),
    ),
    { stylesheet: channel.stylesheet },
  );
}
