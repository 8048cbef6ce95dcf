/**
 * Gzip for a cached page whose copies differ only in their CSP nonce. The page is compressed once,
 * in the pieces between the nonce's places, each ending on a byte boundary (a full flush), so every
 * answer is those pieces with its own nonce between them as stored (uncompressed) blocks, and a
 * CRC over the whole. Each piece is compressed with the 32 KiB of page before it as its dictionary,
 * so it refers back to what the pages repeat (markup, class names) as one pass over the whole
 * would: 9.2 KB for the home page instead of 12.1 KB with pieces compressed alone. The nonces'
 * places stand in the dictionary as NUL bytes, which the page holds nowhere else (a page that
 * does is compressed piece by piece), so no reference can reach a nonce, whose bytes differ in
 * every answer. Per answer: a copy, no deflate, and a CRC made
 * from the pieces' own (worked out once) and the nonce's, as zlib's crc32_combine does: a CRC pass
 * over the whole page was a tenth of the CPU of an answer from the cache.
 * Free of `server-only`: the server in front of Next (scripts/server.ts) uses it.
 */
import zlib from "node:zlib";

export type TGzipCopy = {
  /** the deflated pieces of the body between the nonce's places, in order (one more than places) */
  pieces: Buffer[];
  /** the CRC-32 of each piece uncompressed */
  crcs: number[];
  /** for each piece, x^(8 × its uncompressed length) mod the CRC polynomial: what moves a CRC past it */
  shifts: number[];
  /** the length of the uncompressed body (the nonce keeps its length) */
  size: number;
};

/** The RFC 1952 header: deflate, no name or time, unknown OS. */
const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block. */
const lastBlock = Buffer.from([0x03, 0x00]);

/** How far back deflate refers. */
const windowBytes = 32 * 1024;

/** Compresses `body`, whose nonce of `nonceLength` bytes stands at each of `nonceAt`, once. */
export function gzipCopy(body: Uint8Array, nonceAt: number[], nonceLength: number): TGzipCopy {
  const whole = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const plain: Buffer[] = [];
  let from = 0;
  for (const at of nonceAt) {
    plain.push(whole.subarray(from, at));
    from = at + nonceLength;
  }
  plain.push(whole.subarray(from));
  const withHistory = !whole.includes(0);
  const gap = Buffer.alloc(nonceLength);
  let history = Buffer.alloc(0);
  const pieces = plain.map((piece) => {
    const dictionary = withHistory && history.byteLength ? { dictionary: history } : {};
    const deflated =
      piece.byteLength === 0
        ? Buffer.alloc(0)
        : zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH, ...dictionary });
    if (withHistory) history = Buffer.concat([history, piece, gap]).subarray(-windowBytes);
    return deflated;
  });
  return {
    pieces,
    crcs: plain.map((piece) => zlib.crc32(piece)),
    shifts: plain.map((piece) => powerOfX(piece.byteLength)),
    size: whole.byteLength,
  };
}

/** The CRC-32 polynomial, reflected (bit 31 is x^0). */
const polynomial = 0xedb88320;

/** a × b modulo the polynomial, in the reflected representation (zlib's multmodp). */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ polynomial : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial for k = 3 … 34 (x^8 moves past one byte). */
const squares: number[] = [];
for (let k = 0, power = 0x40000000; k < 35; k++, power = multiplyModP(power, power))
  if (k >= 3) squares.push(power);

/** x^(8 × bytes) modulo the polynomial (zlib's x2nmodp(bytes, 3)). */
function powerOfX(bytes: number): number {
  let power = 0x80000000;
  for (let k = 0; bytes > 0; k++, bytes = Math.floor(bytes / 2))
    if (bytes % 2) power = multiplyModP(squares[k], power);
  return power;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's shift (zlib's crc32_combine). */
export function combineCrc(crcA: number, crcB: number, shiftB: number): number {
  return (multiplyModP(shiftB, crcA) ^ crcB) >>> 0;
}

/** A stored block holding `bytes` (at most 65,535: a nonce is 22). */
function storedBlock(bytes: Uint8Array): Buffer {
  const block = Buffer.alloc(5 + bytes.byteLength);
  block[0] = 0x00; // BFINAL 0, BTYPE 00; the block starts on a byte boundary after a full flush
  block.writeUInt16LE(bytes.byteLength, 1);
  block.writeUInt16LE(~bytes.byteLength & 0xffff, 3);
  block.set(bytes, 5);
  return block;
}

/**
 * The gzip member of the copy with `nonce` in each of its places, as the pieces to write one after
 * another: the deflated pieces are the copy's own, shared by every answer, not copied.
 */
export function gzipChunksWithNonce(copy: TGzipCopy, nonce: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [header];
  const stored = storedBlock(nonce);
  let crc = 0;
  copy.pieces.forEach((piece, index) => {
    if (index > 0) {
      parts.push(stored);
      crc = zlib.crc32(nonce, crc);
    }
    if (piece.byteLength) parts.push(piece);
    crc = combineCrc(crc, copy.crcs[index], copy.shifts[index]);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(copy.size % 2 ** 32, 4);
  parts.push(lastBlock, trailer);
  return parts;
}

/** The gzip member of the copy with `nonce` in each of its places, in one buffer. */
export function gzipWithNonce(copy: TGzipCopy, nonce: Uint8Array): Buffer {
  return Buffer.concat(gzipChunksWithNonce(copy, nonce));
}
