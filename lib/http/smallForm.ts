/**
 * Reads a small body as text, stopping once it passes `maxBytes` (the count is kept while the body
 * streams, so an endless body costs at most that much memory). Null when it is too big.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  // malformed UTF-8 becomes U+FFFD rather than an error
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** A small url-encoded form body read as readLimitedText reads it. Null when it is too big. */
export async function readSmallForm(request: Request, maxBytes = 4096): Promise<URLSearchParams | null> {
  const text = await readLimitedText(request, maxBytes);
  return text === null ? null : new URLSearchParams(text);
}
