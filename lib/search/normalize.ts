import * as OpenCC from "opencc-js";
import { processWide } from "../shared/processWide";

/**
 * Search text normalisation, one character at a time so that a position in the normalised text
 * maps back to the original (for highlights): NFKC (full-width letters and digits), lower case,
 * Traditional → Simplified (OpenCC's character table), every run of white space or control
 * characters as one space. The index, the query and the highlighter all use it, so 繁體 queries
 * find Simplified content and "PDF" finds "pdf".
 */
const normalizing = () =>
  processWide("search.normalizing", () => ({
    toSimplified: OpenCC.Converter({ from: "t", to: "cn" }),
    memo: new Map<string, string>(),
  }));

function normalizeChar(char: string): string {
  const { toSimplified, memo } = normalizing();
  let out = memo.get(char);
  if (out === undefined) {
    out = /[\s\p{Cc}\p{Cf}]/u.test(char) ? " " : toSimplified(char.normalize("NFKC").toLowerCase());
    if (memo.size < 200_000) memo.set(char, out);
  }
  return out;
}

/** The normalised text and, for each of its UTF-16 units, the index of the original character it came from. */
export function normalizeWithMap(text: string): { text: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let index = 0;
  let lastSpace = true;
  for (const char of text) {
    const normal = normalizeChar(char);
    if (normal === " ") {
      if (!lastSpace) {
        out += " ";
        origin.push(index);
      }
      lastSpace = true;
    } else if (normal) {
      out += normal;
      for (let i = 0; i < normal.length; i++) origin.push(index);
      lastSpace = false;
    }
    index += char.length;
  }
  if (out.endsWith(" ")) {
    out = out.slice(0, -1);
    origin.pop();
  }
  return { text: out, origin };
}

/** The normalised text (see the module comment); the same as normalizeWithMap(text).text, without the map. */
export function normalizeText(text: string): string {
  let out = "";
  let lastSpace = true;
  for (const char of text) {
    const normal = normalizeChar(char);
    if (normal === " ") {
      if (!lastSpace) out += " ";
      lastSpace = true;
    } else if (normal) {
      out += normal;
      lastSpace = false;
    }
  }
  return out.endsWith(" ") ? out.slice(0, -1) : out;
}

// A character as a 16-bit code (characters beyond the BMP fold onto the private-use area:
// a collision only adds a candidate, which the phrase check then drops).
const code = (char: string) => {
  const point = char.codePointAt(0) ?? 0;
  return point > 0xffff ? 0xe000 | (point & 0x0fff) : point;
};

/**
 * The distinct character bigrams of normalised text as integers (first << 16 | second), plus the
 * single characters when `unigrams` is set (for one-character queries on titles). Sorted, so
 * equal text gives an equal array.
 */
export function gramsOf(normalized: string, { unigrams = false }: { unigrams?: boolean } = {}): number[] {
  const grams = new Set<number>();
  let previous = -1;
  for (const char of normalized) {
    const c = code(char);
    if (previous >= 0) grams.add((previous << 16) | c);
    if (unigrams) grams.add(c);
    previous = c;
  }
  return Array.from(Int32Array.from(grams).sort());
}

/** The grams a normalised query must all have: its bigrams, or its one character. */
export function queryGrams(normalized: string): number[] {
  return Array.from(normalized).length === 1 ? gramsOf(normalized, { unigrams: true }) : gramsOf(normalized);
}

/** True when the query's grams alone decide a match (one bigram of BMP characters): no phrase check needed. */
export function gramsAreExact(normalized: string): boolean {
  const chars = Array.from(normalized);
  return chars.length <= 2 && chars.every((c) => (c.codePointAt(0) ?? 0) <= 0xffff);
}

/** Markdown as plain text for the index and for snippets: markup characters and link targets dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, "")
    .replace(/[*_`~|]+/g, "")
    .replace(/^-{3,}$/gm, "");
}
