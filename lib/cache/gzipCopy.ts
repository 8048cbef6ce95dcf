/**
 * Gzip for a cached page whose copies differ only in their CSP nonce. The page is compressed once,
 * in the pieces between the nonce's places, each ending on a byte boundary (a full flush), so every
 * answer is those pieces with its own nonce between them as stored (uncompressed) blocks, and a
 * CRC over the whole. Each piece is compressed with the 32 KiB of page before it as its dictionary,
 * so it refers back to what the pages repeat (markup, class names) as one pass over the whole
 * would: 9.2 KB for the home page instead of 12.1 KB with pieces compressed alone. The nonces'
 * places stand in the dictionary as NUL bytes, which the page holds nowhere else (a page that
 * does is compressed piece by piece), so no reference can reach a nonce, whose bytes differ in
 * every answer. Per answer: no deflate, no pass over the page, and a CRC made from two worked out
 * once: the CRC is linear in the bytes, so the body's is that of the body with NULs in the nonce's
 * places, plus the nonce's own moved to each place (zlib's crc32_combine), which for one nonce in
 * every place is one multiplication by the sum of the moves. A CRC pass over the whole page was a
 * tenth of the CPU of an answer from the cache; combining the pieces' CRCs per answer, a tenth again.
 * Free of `server-only`: the server in front of Next (scripts/server.ts) uses it.
 */
import zlib from "node:zlib";
import { piecesAround, piecesWith, planPieces, withSlotBetween, type TPlannedPieces } from "./answerPieces";

export type TGzipCopy = {
  /** the deflated pieces of the body between the nonce's places, in order (one more than places) */
  pieces: Buffer[];
  /** the gzip member as the pieces to write; slot 0 is the nonce's stored block, slot 1 the trailer */
  planned: TPlannedPieces;
  /** the CRC-32 of the body with NUL bytes in the nonce's places */
  zeroedCrc: number;
  /** the sum of x^(8 × the bytes after each nonce) mod the CRC polynomial: moves a CRC to every place at once */
  nonceShift: number;
  /** the nonce's length, and the CRC-32 of as many NUL bytes */
  nonceLength: number;
  zerosCrc: number;
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
  const plain = piecesAround(whole, nonceAt, nonceLength);
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
    planned: planPieces(
      [header, ...withSlotBetween(pieces, 0), lastBlock, 1],
      [storedBlockBytes + nonceLength, trailerBytes],
    ),
    zeroedCrc: plain.reduce(
      (crc, piece, index) => zlib.crc32(piece, index > 0 ? zlib.crc32(gap, crc) : crc),
      0,
    ),
    nonceShift: nonceAt.reduce((sum, at) => sum ^ powerOfX(whole.byteLength - at - nonceLength), 0),
    nonceLength,
    zerosCrc: zlib.crc32(gap),
    size: whole.byteLength,
  };
}

/** A stored block's header, and the gzip trailer (CRC-32, size). */
const storedBlockBytes = 5;
const trailerBytes = 8;

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

/**
 * The CRC-32 of the body with `nonce` in each of its places. Each nonce adds to the CRC of the body
 * with NULs there its own (less that of as many NULs) moved past the bytes after it; moving is
 * multiplying, so the moves add up before the one multiplication.
 */
export function crcWithNonce(copy: TGzipCopy, nonce: Uint8Array): number {
  return (copy.zeroedCrc ^ multiplyModP(copy.nonceShift, (zlib.crc32(nonce) ^ copy.zerosCrc) >>> 0)) >>> 0;
}

/** A stored block holding `bytes` (at most 65,535: a nonce is 22). */
function storedBlock(bytes: Uint8Array): Buffer {
  const block = Buffer.allocUnsafe(storedBlockBytes + bytes.byteLength);
  block[0] = 0x00; // BFINAL 0, BTYPE 00; the block starts on a byte boundary after a full flush
  block.writeUInt16LE(bytes.byteLength, 1);
  block.writeUInt16LE(~bytes.byteLength & 0xffff, 3);
  block.set(bytes, 5);
  return block;
}

/**
 * The gzip member of the copy with `nonce` in each of its places, as the pieces to write one after
 * another: the long deflated pieces are the copy's own, shared by every answer, not copied
 * (lib/cache/answerPieces.ts).
 */
export function gzipChunksWithNonce(copy: TGzipCopy, nonce: Uint8Array): Uint8Array[] {
  if (nonce.byteLength !== copy.nonceLength) throw new Error("a nonce keeps the stand-in's length");
  const trailer = Buffer.allocUnsafe(trailerBytes);
  trailer.writeUInt32LE(crcWithNonce(copy, nonce), 0);
  trailer.writeUInt32LE(copy.size % 2 ** 32, 4);
  return piecesWith(copy.planned, [storedBlock(nonce), trailer]);
}

/** The gzip member of the copy with `nonce` in each of its places, in one buffer. */
export function gzipWithNonce(copy: TGzipCopy, nonce: Uint8Array): Buffer {
  return Buffer.concat(gzipChunksWithNonce(copy, nonce));
}
