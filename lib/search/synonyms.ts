import { normalizeText } from "./normalize";

/** At most this many forms of one query are searched (the query itself and its synonyms). */
export const maxAlternatives = 6;

/**
 * The forms of a normalised query to search: the query, then for each synonym group with a
 * term inside the query, the query with that term replaced by each other term of the group
 * (低保补贴 → 最低生活保障补贴). Groups are lists of equivalent terms, as typed by administrators.
 */
export function expandQuery(query: string, groups: string[][]): string[] {
  const forms = [query];
  for (const group of groups) {
    const terms = [...new Set(group.map(normalizeText).filter(Boolean))];
    for (const term of terms) {
      if (!query.includes(term)) continue;
      for (const other of terms) {
        if (other === term) continue;
        const form = query.split(term).join(other);
        if (!forms.includes(form)) forms.push(form);
      }
    }
  }
  return forms.slice(0, maxAlternatives);
}
