import { describe, expect, it } from "vitest";
import { longPieceBytes, piecesWith, planPieces, type TPart } from "./answerPieces";

const bytes = (text: string) => Buffer.from(text);
const long = (letter: string) => bytes(letter.repeat(longPieceBytes + 10));
const joined = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString();

describe("a cached page's answer as few pieces", () => {
  it("writes the long pieces as they are and gathers each stretch of short ones with the slots among them", () => {
    const [a, b] = [long("a"), long("b")];
    // a page's shape: short runs of markup between nonces, and long runs of text
    const parts: TPart[] = [
      bytes("<s n='"),
      0,
      bytes("'><s n='"),
      0,
      bytes("'>"),
      a,
      bytes("<p n='"),
      0,
      b,
      0,
    ];
    const planned = planPieces(parts, [3]);
    const pieces = piecesWith(planned, [bytes("XYZ")]);
    expect(joined(pieces)).toBe(`<s n='XYZ'><s n='XYZ'>${a}<p n='XYZ${b}XYZ`);
    expect(pieces).toHaveLength(5);
    // the long ones are the copy's own bytes, not copies of them
    expect(pieces[1]).toBe(a);
    expect(pieces[3]).toBe(b);
  });

  it("gives each answer its own gathered bytes: a later answer leaves an earlier one as it was", () => {
    const planned = planPieces([bytes("nonce="), 0, long("x")], [3]);
    const first = piecesWith(planned, [bytes("one")]);
    const second = piecesWith(planned, [bytes("two")]);
    expect(joined(first).startsWith("nonce=one")).toBe(true);
    expect(joined(second).startsWith("nonce=two")).toBe(true);
  });

  it("leaves out empty parts and handles a page of no parts", () => {
    expect(piecesWith(planPieces([bytes(""), 0, bytes("")], [0]), [bytes("")])).toEqual([]);
    expect(joined(piecesWith(planPieces([bytes("only")], []), []))).toBe("only");
  });

  it("refuses a slot of another length than planned, rather than send bytes it never wrote", () => {
    const planned = planPieces([bytes("a"), 0, bytes("b")], [3]);
    expect(() => piecesWith(planned, [bytes("xy")])).toThrow();
    expect(() => piecesWith(planned, [bytes("wxyz")])).toThrow();
  });
});
