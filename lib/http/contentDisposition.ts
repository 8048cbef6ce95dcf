/**
 * The Content-Disposition of a file the portal sends. Free of `server-only` so the unit tests can
 * use it.
 */

/**
 * `inline` (shown in the browser: our own PDFs) or `attachment` (saved: everything else), with the
 * file name twice: an ASCII stand-in every browser reads, in which nothing can end the quoted
 * string or the header (quotes, backslashes, controls and non-ASCII become `_`), and the real name
 * percent-encoded (RFC 6266 / RFC 8187), which modern browsers prefer.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  // half of a surrogate pair cannot be percent-encoded (encodeURIComponent throws): U+FFFD instead
  const wellFormed = fileName.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
  const encoded = encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
