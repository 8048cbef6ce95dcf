/**
 * Gzip for a cached page whose copies differ only in their CSP nonce. The page is compressed once,
 * in the pieces between the nonce's places, each ending on a byte boundary with nothing carried
 * over (a full flush), so every answer is those pieces with its own nonce between them as stored
 * (uncompressed) blocks, and a CRC over the whole. Per answer: a CRC pass and a copy, no deflate.
 * Free of `server-only`: the server in front of Next (scripts/server.ts) uses it.
 */
import zlib from "node:zlib";

export type TGzipCopy = {
  /** the deflated pieces of the body between the nonce's places, in order (one more than places) */
  pieces: Buffer[];
  /** the same pieces uncompressed, which the CRC of each answer runs over */
  plain: Buffer[];
  /** the length of the uncompressed body (the nonce keeps its length) */
  size: number;
};

/** The RFC 1952 header: deflate, no name or time, unknown OS. */
const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block. */
const lastBlock = Buffer.from([0x03, 0x00]);

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
  const pieces = plain.map((piece) =>
    piece.byteLength === 0
      ? Buffer.alloc(0)
      : zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }),
  );
  return { pieces, plain, size: whole.byteLength };
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

/** The gzip member of the copy with `nonce` in each of its places. */
export function gzipWithNonce(copy: TGzipCopy, nonce: Uint8Array): Buffer {
  const parts: Buffer[] = [header];
  let crc = 0;
  copy.pieces.forEach((piece, index) => {
    if (index > 0) {
      parts.push(storedBlock(nonce));
      crc = zlib.crc32(nonce, crc);
    }
    parts.push(piece);
    crc = zlib.crc32(copy.plain[index], crc);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(copy.size % 2 ** 32, 4);
  parts.push(lastBlock, trailer);
  return Buffer.concat(parts);
}
