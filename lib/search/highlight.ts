import { normalizeWithMap } from "./normalize";

/** A piece of displayed text, marked when it matched the query. */
export type TSegment = { text: string; mark: boolean };

/** Ranges [start, end) of the original text where any of the normalised terms occurs. */
function matchRanges(text: string, terms: string[]): [number, number][] {
  const { text: normal, origin } = normalizeWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms.filter(Boolean)) {
    for (let at = normal.indexOf(term); at >= 0; at = normal.indexOf(term, at + term.length)) {
      const lastOrigin = origin[at + term.length - 1];
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      ranges.push([origin[at], end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into plain and marked segments (rendered as text and <mark> elements, never as HTML). */
export function highlight(text: string, terms: string[]): TSegment[] {
  return segmentsOf(text, matchRanges(text, terms));
}

function segmentsOf(text: string, ranges: [number, number][]): TSegment[] {
  const segments: TSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/**
 * A short excerpt around the first match (about `width` characters), with the matches marked
 * and an ellipsis where it was cut; null when the text has no match.
 */
export function snippet(text: string, terms: string[], width = 90): TSegment[] | null {
  const ranges = matchRanges(text, terms);
  if (!ranges.length) return null;
  const first = ranges[0];
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // do not cut a surrogate pair
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end++;
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start] as [number, number]);
  const segments = segmentsOf(text.slice(start, end), inside);
  if (start > 0) segments.unshift({ text: "…", mark: false });
  if (end < text.length) segments.push({ text: "…", mark: false });
  return segments;
}
