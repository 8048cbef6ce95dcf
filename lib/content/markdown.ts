import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown to HTML through an allow-list sanitiser: no scripts, event handlers, styles,
 * iframes or `javascript:` links ever reach a page, whatever the author typed.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, {
    allowedTags: ["h2", "h3", "h4", "p", "br", "hr", "strong", "em", "del", "blockquote", "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td"],
    allowedAttributes: { a: ["href", "title"], th: ["scope"], td: [] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowProtocolRelative: false,
    // headings in content sit under the page's h1: shift # and ## down to h2
    transformTags: { h1: "h2", h5: "h4", h6: "h4" },
  });
}
