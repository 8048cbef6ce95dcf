/**
 * A cached page's answer as few pieces to write. Between a page's nonces lie runs of a few dozen
 * bytes (`" async="" nonce="` between two script tags): written as they are, the home page was 36
 * pieces an answer, and the kernel's writev of so many took 30 µs of an answer's 48 on this
 * machine, against 17 µs for one buffer. So the copy's long pieces are written as they are (views
 * of the copy, never copied) and each stretch of short ones, with the answer's own bytes (its
 * nonce, a gzip trailer) among them, is copied into one small buffer per answer.
 * Free of `server-only`: the server in front of Next (scripts/server.ts) uses it.
 */

/** A part of an answer: the copy's own bytes, or the number of a slot the answer fills. */
export type TPart = Uint8Array | number;

/** An answer's parts, planned once per copy: long pieces as they are, short stretches to gather. */
export type TPlannedPieces = (Uint8Array | { parts: TPart[]; length: number })[];

/** The bytes of `body` around its `places` (each `placeLength` bytes): one more piece than places. */
export function piecesAround(body: Uint8Array, places: number[], placeLength: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of places) {
    pieces.push(body.subarray(from, at));
    from = at + placeLength;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** The pieces with slot `slot` between each two: a page's answer, the slot in every place. */
export function withSlotBetween(pieces: Uint8Array[], slot: number): TPart[] {
  return pieces.flatMap((piece, index) => (index > 0 ? [slot, piece] : [piece]));
}

/** A piece this long or longer is written as it is; shorter ones are gathered with their neighbours. */
export const longPieceBytes = 2048;

/** Plans `parts`, where slot `n` will hold `slotLengths[n]` bytes in every answer. */
export function planPieces(parts: TPart[], slotLengths: number[]): TPlannedPieces {
  const planned: TPlannedPieces = [];
  let stretch: { parts: TPart[]; length: number } | null = null;
  for (const part of parts) {
    const length = typeof part === "number" ? slotLengths[part] : part.byteLength;
    if (length === 0) continue;
    if (typeof part !== "number" && length >= longPieceBytes) {
      stretch = null;
      planned.push(part);
      continue;
    }
    if (!stretch) planned.push((stretch = { parts: [], length: 0 }));
    stretch.parts.push(part);
    stretch.length += length;
  }
  return planned;
}

/** This answer's pieces, its `slots` filled in (each of the length it was planned with). */
export function piecesWith(planned: TPlannedPieces, slots: Uint8Array[]): Uint8Array[] {
  const pieces: Uint8Array[] = new Array(planned.length);
  for (let index = 0; index < planned.length; index++) {
    const piece = planned[index];
    if (piece instanceof Uint8Array) {
      pieces[index] = piece;
      continue;
    }
    const gathered = Buffer.allocUnsafe(piece.length);
    let at = 0;
    for (const part of piece.parts) {
      const bytes = typeof part === "number" ? slots[part] : part;
      gathered.set(bytes, at);
      at += bytes.byteLength;
    }
    if (at !== piece.length) throw new Error("an answer's slot is not the length it was planned with");
    pieces[index] = gathered;
  }
  return pieces;
}
