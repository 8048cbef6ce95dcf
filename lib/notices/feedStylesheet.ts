// No "server-only": lib/http/securityHeaders (used by proxy.ts) reads the feed's policy from here.
import { xmlText } from "../shared/xml";

/** The namespace of the feed's own extension (the publication date as the feed's language writes it). */
export const feedNamespace = "urn:onestop:feed";

/** The address of a locale's feed, and of the XSL stylesheet a browser shows it with as a page. */
export const feedPath = (locale: string) => `/${locale}/notices/feed.xml`;
export const feedStylesheetPath = (locale: string) => `/${locale}/notices/feed.xsl`;
const feedPathPattern = /^\/(zh-Hans|zh-Hant|en)\/notices\/feed\.xml$/;

/** The page's only style, one `<style>` element; allowed by its hash (no `<`, `>` or `&` in it). */
export const feedCss =
  'body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;color:#1f2328;line-height:1.7}' +
  "main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem}" +
  "h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.15rem;margin:0}a{color:#0b4f9c}" +
  ".about{background:#f5f6f8;border-left:6px solid #a61b1b;padding:.75rem 1rem}" +
  "ul{list-style:none;padding:0}li{border-top:1px solid #d1d5db;padding:1rem 0}" +
  ".meta{color:#4b5563;margin:.25rem 0}.note{font-weight:700}";

/** base64 SHA-256 of `feedCss` (checked by feedStylesheet.test.ts): the CSP's `style-src`. */
export const feedCssHash = "sha256-sVyIK6wOX4waEKoFsSgpiy581tUkD/qmdOibaCq5iKs=";

/**
 * The policy of the notices feed. Still nothing but what the page needs: the one stylesheet at
 * the public address (browsers load an XSL under `script-src`), the one `<style>` it writes by its
 * hash; no other script, style, image, form, frame or base. Without a public address the feed
 * allows nothing and a browser shows the bare XML.
 */
export function feedContentSecurityPolicy(locale: string, publicOrigin: URL | null): string {
  if (!publicOrigin) return "default-src 'none'";
  return [
    "default-src 'none'",
    `script-src ${publicOrigin.origin}${feedStylesheetPath(locale)}`,
    `style-src '${feedCssHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The locale of a feed's path (`/en/notices/feed.xml` → `en`), or null for any other path. */
export function feedLocaleOf(pathname: string): string | null {
  return feedPathPattern.exec(pathname)?.[1] ?? null;
}

export type TFeedPageLabels = {
  lang: string;
  /** what a feed is and how to follow it */
  intro: string;
  /** the link to the notices on the site */
  listLink: string;
  /** said once, before the items, when some are not in the page's language */
  untranslated: string;
  published: string;
};

/**
 * The XSL stylesheet that turns the RSS feed into a readable page in the visitor's language: what
 * a feed is, a link to the list, then each notice with its category, date and summary. Every
 * label goes through the XML writer's escaping; the feed's own text is copied with `value-of`,
 * which writes text, never markup. An item in another language keeps it (`lang`), and the page
 * says once that some are not translated.
 */
export function feedStylesheet(labels: TFeedPageLabels): string {
  const text = (value: string) => xmlText(value);
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:portal="${feedNamespace}" exclude-result-prefixes="portal">
<xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
<xsl:template match="/">
<html lang="${xmlText(labels.lang, true)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="rss/channel/title"/></title>
<style>${feedCss}</style>
</head>
<body>
<main>
<p class="about">${text(labels.intro)}</p>
<h1><xsl:value-of select="rss/channel/title"/></h1>
<p><xsl:value-of select="rss/channel/description"/></p>
<p><a href="{rss/channel/link}">${text(labels.listLink)}</a></p>
<xsl:if test="rss/channel/item/title[@xml:lang]"><p class="note">${text(labels.untranslated)}</p></xsl:if>
<ul>
<xsl:for-each select="rss/channel/item">
<li>
<xsl:if test="title/@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="title/@xml:lang"/></xsl:attribute></xsl:if>
<h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
<p class="meta" lang="${xmlText(labels.lang, true)}"><xsl:value-of select="category"/><xsl:if test="portal:date"> · ${text(labels.published)} <xsl:value-of select="portal:date"/></xsl:if></p>
<p><xsl:value-of select="description"/></p>
</li>
</xsl:for-each>
</ul>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
}
