import { xmlText } from "../shared/xml";
import { feedCss, feedNamespace } from "../http/feedPolicy";

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
