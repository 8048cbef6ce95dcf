import { z } from "zod";

/**
 * Who a notice is for, as the editor chose it: whole districts, whole streets, or single
 * communities. Form values are `d:<code>`, `s:<code>` and `c:<code>`.
 */
export type TNoticeScope = { districts: string[]; streets: string[]; communities: string[] };

const ZScopeValue = z.string().regex(/^[dsc]:\d{6,15}$/);

/** Parses the checked boxes of the scope picker; null when one of them is malformed. */
export function parseScopeValues(values: string[]): TNoticeScope | null {
  const scope: TNoticeScope = { districts: [], streets: [], communities: [] };
  for (const value of new Set(values)) {
    if (!ZScopeValue.safeParse(value).success) return null;
    const [kind, code] = value.split(":");
    (kind === "d" ? scope.districts : kind === "s" ? scope.streets : scope.communities).push(code);
  }
  return scope;
}

export function scopeValues(scope: TNoticeScope): string[] {
  return [
    ...scope.districts.map((c) => `d:${c}`),
    ...scope.streets.map((c) => `s:${c}`),
    ...scope.communities.map((c) => `c:${c}`),
  ];
}

export function isEmptyScope(scope: TNoticeScope): boolean {
  return !scope.districts.length && !scope.streets.length && !scope.communities.length;
}

type TPlaceTree = { code: string; streets: { code: string; communities: { code: string }[] }[] }[];

/**
 * The community codes a scope covers in the given tree, or the first code that does not exist.
 * A whole street or district covers every community in it.
 */
export function expandScope(
  scope: TNoticeScope,
  tree: TPlaceTree,
): { communities: string[] } | { unknown: string } {
  const covered = new Set<string>();
  for (const code of scope.districts) {
    const district = tree.find((d) => d.code === code);
    if (!district) return { unknown: code };
    district.streets.forEach((s) => s.communities.forEach((c) => covered.add(c.code)));
  }
  const streets = tree.flatMap((d) => d.streets);
  for (const code of scope.streets) {
    const street = streets.find((s) => s.code === code);
    if (!street) return { unknown: code };
    street.communities.forEach((c) => covered.add(c.code));
  }
  const communities = new Set(streets.flatMap((s) => s.communities.map((c) => c.code)));
  for (const code of scope.communities) {
    if (!communities.has(code)) return { unknown: code };
    covered.add(code);
  }
  return { communities: [...covered].sort() };
}
