import { markdownToText } from "../content/markdown";
import { xmlDocument, xmlElement } from "../shared/xml";
import { feedNamespace } from "../http/feedPolicy";

type TFeedNotice = {
  id: string;
  title: string;
  body: string;
  category: string;
  publishedAt: Date | null;
  /** the language title and body are really in, when it is not the feed's (Chinese on an English feed) */
  lang?: string;
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * RSS 2.0 for a list of notices. Every text is escaped by the XML writer, whatever it holds.
 * Descriptions are plain text, HTML-escaped too, so a reader that treats them as HTML shows what
 * the editor wrote and never runs it.
 */
export function noticesRss(input: {
  title: string;
  description: string;
  language: string;
  selfUrl: string;
  listUrl: string;
  noticeUrl: (id: string) => string;
  categoryLabel: (code: string) => string;
  notices: TFeedNotice[];
  copyright: string;
  /** the XSL stylesheet a browser shows the feed with, as a page */
  stylesheet?: string;
  /** the publication date in the feed's language, for that page (`portal:date`) */
  dateLabel?: (date: Date) => string;
}): string {
  const updated = input.notices[0]?.publishedAt ?? new Date(0);
  const items = input.notices.map((notice) => {
    const text = markdownToText(notice.body);
    const url = input.noticeUrl(notice.id);
    const lang = notice.lang ? { "xml:lang": notice.lang } : {};
    return xmlElement(
      "item",
      {},
      xmlElement("title", lang, notice.title),
      xmlElement("link", {}, url),
      xmlElement("guid", { isPermaLink: "false" }, url),
      xmlElement("pubDate", {}, (notice.publishedAt ?? new Date(0)).toUTCString()),
      xmlElement("description", lang, escapeHtml(text.length > 500 ? `${text.slice(0, 500)}…` : text)),
      xmlElement("category", {}, input.categoryLabel(notice.category)),
      input.dateLabel && notice.publishedAt
        ? xmlElement("portal:date", {}, input.dateLabel(notice.publishedAt))
        : null,
    );
  });
  return xmlDocument(
    xmlElement(
      "rss",
      {
        version: "2.0",
        "xmlns:atom": "http://www.w3.org/2005/Atom",
        "xmlns:portal": input.dateLabel ? feedNamespace : undefined,
      },
      xmlElement(
        "channel",
        {},
        xmlElement("title", {}, input.title),
        xmlElement("link", {}, input.listUrl),
        xmlElement("description", {}, input.description),
        xmlElement("lastBuildDate", {}, updated.toUTCString()),
        xmlElement("docs", {}, "https://validator.w3.org/feed/docs/rss2.html"),
        xmlElement("language", {}, input.language),
        xmlElement("copyright", {}, input.copyright),
        xmlElement("atom:link", { href: input.selfUrl, rel: "self", type: "application/rss+xml" }),
        ...items,
      ),
    ),
    { stylesheet: input.stylesheet },
  );
}
