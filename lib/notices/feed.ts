import { Feed } from "feed";
import { markdownToText } from "../content/markdown";

type TFeedNotice = { id: string; title: string; body: string; category: string; publishedAt: Date | null };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * RSS 2.0 for a list of notices. Descriptions are plain text, escaped, so a reader that treats
 * them as HTML shows what the editor wrote and never runs it.
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
}): string {
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: input.listUrl,
    link: input.listUrl,
    language: input.language,
    copyright: input.copyright,
    updated: input.notices[0]?.publishedAt ?? new Date(0),
    feedLinks: { rss: input.selfUrl },
  });
  for (const notice of input.notices) {
    const text = markdownToText(notice.body);
    feed.addItem({
      title: notice.title,
      id: input.noticeUrl(notice.id),
      link: input.noticeUrl(notice.id),
      description: escapeHtml(text.length > 500 ? `${text.slice(0, 500)}…` : text),
      date: notice.publishedAt ?? new Date(0),
      category: [{ name: input.categoryLabel(notice.category) }],
    });
  }
  return feed.rss2();
}
