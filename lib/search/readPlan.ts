/**
 * How a type's matches of a term are read newest first. The GIN index finds every match but in
 * storage order, so reading the newest `cap` of them visits all the matches and sorts them: cheap
 * for a rare term, seconds for a common one at a million documents. The (type, sortAt) index
 * walks the type's entries newest first and checks each: cheap for a common term (about
 * cap × total / matches rows), ruinous for a rare one (the planner, which knows only the thousand
 * commonest grams, chose that walk for 低保 and read a million rows: 13 s). The index's own
 * counts (`SearchGramCount`) decide instead: the walk, over a window of the newest rows twice as
 * long as the estimate needs (cap × total / matches), only when that window stays short (at most
 * `maxWindowRows`: a term in about a seventh of the entries for 300 matches); a window that comes
 * back short anyway (the term commoner in bodies than in titles, or in another type) shows the
 * real density: with a tenth of the matches wanted or more, a longer walk of the length that
 * density needs, within a budget of `maxLongerWindowRows` (what it finds there are still the newest
 * matches, only fewer than the cap), with fewer the bitmap, the term being rare there. Below the
 * walk's threshold the bitmap is cheaper than it looks: a term's count is its rarest bigram's, and
 * every bigram of a phrase must match, so a phrase has far fewer matches than that.
 */
export const maxWindowRows = 4_000;
export const maxLongerWindowRows = 3_000;

/**
 * The newest rows to walk for a term with about `entries` matches among `total` entries; null: use
 * the bitmap. With `typeEntries`, the rows of the type walked: a window that would hold all of them
 * is no window (the bitmap then reads no more rows than the walk would, its statement is a fourth
 * as long to plan, and a type read whole is not one with more matches than were read).
 */
export function windowRows(input: {
  entries: number;
  total: number;
  cap: number;
  typeEntries?: number;
}): number | null {
  const { entries, total, cap, typeEntries = Infinity } = input;
  if (entries <= 0 || total <= 0) return null;
  const window = Math.ceil((2 * cap * total) / entries);
  return window <= maxWindowRows && window < typeEntries ? window : null;
}
