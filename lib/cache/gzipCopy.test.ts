import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipCopy, gzipWithNonce } from "./gzipCopy";

const standIn = "S".repeat(22);
const encode = (text: string) => new TextEncoder().encode(text);
/** Where the stand-in stands in `text`, as the page cache finds it. */
const placesOf = (text: string) => {
  const places: number[] = [];
  const bytes = Buffer.from(text);
  for (let at = bytes.indexOf(standIn); at !== -1; at = bytes.indexOf(standIn, at + standIn.length))
    places.push(at);
  return places;
};
const answer = (text: string, nonce: string) =>
  zlib.gunzipSync(gzipWithNonce(gzipCopy(encode(text), placesOf(text), 22), encode(nonce))).toString();

describe("a cached page's gzip, compressed once and given a nonce per answer", () => {
  it("unzips to the page with the answer's nonce in every place, wherever the places are", () => {
    const nonce = "abcdefghijklmnopqrstuv";
    const pages = [
      `<html><script nonce="${standIn}">1</script>${"页面".repeat(20_000)}<style nonce="${standIn}"></style></html>`,
      `${standIn}${standIn}middle${standIn}`,
      "no nonce at all",
      "",
      standIn,
    ];
    for (const page of pages) expect(answer(page, nonce)).toBe(page.replaceAll(standIn, nonce));
  });

  it("gives two answers two nonces and is far smaller than the page", () => {
    const page = `<p nonce="${standIn}">${"公开".repeat(30_000)}</p>`;
    const copy = gzipCopy(encode(page), placesOf(page), 22);
    const [one, two] = ["a".repeat(22), "b".repeat(22)].map((nonce) => gzipWithNonce(copy, encode(nonce)));
    expect(zlib.gunzipSync(one).toString()).toContain(`nonce="${"a".repeat(22)}"`);
    expect(zlib.gunzipSync(two).toString()).toContain(`nonce="${"b".repeat(22)}"`);
    expect(one.byteLength).toBeLessThan(Buffer.byteLength(page) / 50);
  });

  it("keeps the size field of the gzip trailer true, which gunzip checks", () => {
    const page = `${"x".repeat(70_000)}${standIn}`;
    const zipped = gzipWithNonce(gzipCopy(encode(page), placesOf(page), 22), encode("n".repeat(22)));
    expect(zipped.readUInt32LE(zipped.byteLength - 4)).toBe(70_022);
  });
});
