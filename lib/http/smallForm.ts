/**
 * Reads a small url-encoded form body, stopping once it passes `maxBytes` (the count is kept while
 * the body streams, so an endless body costs at most that much memory). Null when it is too big.
 */
export async function readSmallForm(request: Request, maxBytes = 4096): Promise<URLSearchParams | null> {
  if (!request.body) return new URLSearchParams();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
