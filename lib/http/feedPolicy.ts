// No "server-only": lib/http/securityHeaders (used by proxy.ts) reads the feed's policy from here.
// The notices feed's addresses and policy (lib/notices/feedStylesheet writes the page itself).

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
