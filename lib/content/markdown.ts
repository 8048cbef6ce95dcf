import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown to HTML through an allow-list sanitiser: no scripts, event handlers, styles,
 * iframes or `javascript:` links ever reach a page, whatever the author typed.
 *
 * Authors write `#`/`##` for their top headings; they become `topLevel` (the level under the
 * page's own heading for the body), `###` the level below, and so on, so the page's heading
 * outline stays in order.
 */
export function renderMarkdown(markdown: string, { topLevel = 2 }: { topLevel?: 2 | 3 | 4 } = {}): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false }) as string;
  const level = (n: number) => `h${Math.min(n, 6)}`;
  return sanitizeHtml(html, {
    allowedTags: [
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "p",
      "br",
      "hr",
      "strong",
      "em",
      "del",
      "blockquote",
      "ul",
      "ol",
      "li",
      "a",
      "code",
      "pre",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
    ],
    allowedAttributes: { a: ["href", "title"], th: ["scope"] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowProtocolRelative: false,
    transformTags: {
      h1: level(topLevel),
      h2: level(topLevel),
      h3: level(topLevel + 1),
      h4: level(topLevel + 2),
      h5: level(topLevel + 2),
      h6: level(topLevel + 2),
    },
  });
}

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&nbsp;": " ",
};

/** Markdown as plain text for e-mail: blocks on their own lines, no markup at all. */
export function markdownToText(markdown: string): string {
  const html = (marked.parse(markdown, { async: false, gfm: true }) as string).replace(
    /<\/(p|h\d|li|tr|blockquote|pre)>/g,
    "$&\n",
  );
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m) => entities[m])
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
