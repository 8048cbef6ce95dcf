import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crcWithNonce, gzipCopy, gzipWithNonce } from "./gzipCopy";

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

  it("gives the CRC of the body with the nonce in its places, wherever and however many they are", () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919 + (i >> 5)) & 255));
    const nonce = encode("abcdefghijklmnopqrstuv");
    for (const [size, places] of [
      [0, []],
      [22, [0]],
      [44, [0, 22]],
      [5_000, [4_978]],
      [5_000, [0, 100, 122, 3_000]],
      [70_000, [65_536]],
      [300_000, [1, 50_000, 123_457, 299_978]],
    ] as [number, number[]][]) {
      const body = Buffer.from(bytes.subarray(0, size));
      const copy = gzipCopy(body, places, 22);
      for (const at of places) body.set(nonce, at);
      expect(crcWithNonce(copy, nonce), `${size}: ${places.join(", ")}`).toBe(zlib.crc32(body));
    }
  });

  it("refuses a nonce of another length than the stand-in's, whose places it would not fill", () => {
    const page = `<p nonce="${standIn}">x</p>`;
    expect(() => gzipWithNonce(gzipCopy(encode(page), placesOf(page), 22), encode("short"))).toThrow();
  });

  it("refers back across the nonces to what the page repeats, and never to a nonce", () => {
    const nonce = "abcdefghijklmnopqrstuv";
    // the markup around each nonce repeats; the text beside it holds the answer's nonce's letters
    // and a run of the stand-in's, which a reference into a nonce's place would copy wrongly
    const block = `<script nonce="${standIn}" src="/_next/static/chunks/abcdefghijklmnopqrstuv.js"></script><p>SSSSSSSSSSSS</p>\n`;
    const page = `<html>${block.repeat(40)}${"政务公开".repeat(2000)}${block.repeat(40)}</html>`;
    const copy = gzipCopy(encode(page), placesOf(page), 22);
    expect(answer(page, nonce)).toBe(page.replaceAll(standIn, nonce));
    expect(answer(page, "z".repeat(22))).toBe(page.replaceAll(standIn, "z".repeat(22)));
    const size = copy.pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
    const alone = page
      .split(standIn)
      .reduce(
        (sum, piece) =>
          sum + zlib.deflateRawSync(piece, { finishFlush: zlib.constants.Z_FULL_FLUSH }).byteLength,
        0,
      );
    expect(size).toBeLessThan(alone / 2);
    // a page holding a NUL byte is compressed piece by piece, and still unzips to itself
    const withNul = `${page}\u0000${block}`;
    expect(answer(withNul, nonce)).toBe(withNul.replaceAll(standIn, nonce));
  });
});
