import { xmlElement } from "../shared/xml";
import { rssDescription, rssDocument } from "../shared/rss";

type TFeedLetter = {
  number: string;
  publicSubject: string | null;
  publicReply: string | null;
  kindLabel: string;
  publishedAt: Date | null;
};

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
      xmlElement("description", {}, rssDescription(reply)),
      xmlElement("category", {}, letter.kindLabel),
    );
  });
  return rssDocument(input, updated, items);
}
