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

/**
 * A file the portal made (a PDF, a data export) as the answer: its type, its name as
 * `contentDisposition` writes it, who may keep it, and never sniffed as another type. Bytes carry
 * their length.
 */
export function fileResponse(
  body: Uint8Array<ArrayBuffer> | string,
  file: { type: string; kind: "inline" | "attachment"; name: string; cache: string },
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": file.type,
      ...(typeof body === "string" ? {} : { "Content-Length": String(body.byteLength) }),
      "Content-Disposition": contentDisposition(file.kind, file.name),
      "Cache-Control": file.cache,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A PDF the portal made (a receipt, a guide, a letter), shown in the browser rather than saved. */
export function pdfResponse(bytes: Uint8Array<ArrayBuffer>, file: { name: string; cache: string }): Response {
  return fileResponse(bytes, { type: "application/pdf", kind: "inline", ...file });
}
