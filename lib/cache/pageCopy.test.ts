import { describe, expect, it } from "vitest";
import { bodyChunksWithNonce, bodyWithNonce } from "./pageCopy";
import type { TRenderedPage } from "./pageStore";

const standIn = "S".repeat(22);
const pageOf = (text: string): TRenderedPage => {
  const body = new TextEncoder().encode(text);
  const nonceAt: number[] = [];
  const bytes = Buffer.from(body);
  for (let at = bytes.indexOf(standIn); at !== -1; at = bytes.indexOf(standIn, at + standIn.length))
    nonceAt.push(at);
  return { status: 200, headers: [], body, nonceAt, shareable: true };
};

describe("a cached page's body with the answer's nonce", () => {
  it("is the same bytes whether written in pieces or in one copy, wherever the nonces stand", () => {
    const nonce = "abcdefghijklmnopqrstuv";
    for (const text of [
      `<html><script nonce="${standIn}">公开</script><p>${"页".repeat(5000)}</p><style nonce="${standIn}"></style></html>`,
      `${standIn}${standIn}middle${standIn}`,
      "no nonce at all",
      "",
    ]) {
      const page = pageOf(text);
      const pieces = Buffer.concat(bodyChunksWithNonce(page, Buffer.from(nonce)));
      expect(pieces.toString()).toBe(text.replaceAll(standIn, nonce));
      expect(pieces.equals(Buffer.from(bodyWithNonce(page, nonce)))).toBe(true);
    }
  });

  it("leaves the stored copy as it was: the pieces are views of it, never written", () => {
    const text = `<script nonce="${standIn}"></script>`;
    const page = pageOf(text);
    bodyChunksWithNonce(page, Buffer.from("x".repeat(22)));
    expect(new TextDecoder().decode(page.body)).toBe(text);
  });
});
