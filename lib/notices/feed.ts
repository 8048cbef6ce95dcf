import { markdownToText } from "../content/markdown";
import { xmlElement } from "../shared/xml";
import { rssDescription, rssDocument } from "../shared/rss";
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
      xmlElement("description", lang, rssDescription(text)),
      xmlElement("category", {}, input.categoryLabel(notice.category)),
      input.dateLabel && notice.publishedAt
        ? xmlElement("portal:date", {}, input.dateLabel(notice.publishedAt))
        : null,
    );
  });
  return rssDocument(
    { ...input, docs: true, namespaces: { "xmlns:portal": input.dateLabel ? feedNamespace : undefined } },
    updated,
    items,
  );
}
