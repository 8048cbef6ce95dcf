/** A place tree as pickers need it: codes and labels, districts → streets → communities. */
export type TPlaceNode = {
  code: string;
  label: string;
  streets: { code: string; label: string; communities: { code: string; label: string }[] }[];
};

type TChoice = { district?: string; street?: string; community?: string };
type TOption = { value: string; label: string };
type TGroup = { label: string; options: TOption[] };

/**
 * 区县 → 街道 → 社区 filters that narrow one another. The choice is made consistent first: a
 * street outside the chosen district (the district was changed) is dropped, and so is a community
 * outside the chosen street; a street or community chosen alone fills in the places above it. The
 * choices offered then narrow: only the chosen district's streets, only the chosen street's
 * communities (grouped by street while none is chosen). Works by submitting the form, so without
 * JavaScript too.
 */
export function narrowPlaces(tree: TPlaceNode[], choice: TChoice) {
  const streetsOf = (districts: TPlaceNode[]) =>
    districts.flatMap((d) => d.streets.map((s) => ({ ...s, district: d.code })));
  const allStreets = streetsOf(tree);
  const communityStreet = (code: string | undefined) =>
    code ? allStreets.find((s) => s.communities.some((c) => c.code === code)) : undefined;

  let { district, street, community } = choice;
  if (district && !tree.some((d) => d.code === district)) district = undefined;
  if (street && !allStreets.some((s) => s.code === street)) street = undefined;
  if (community && !communityStreet(community)) community = undefined;
  // the broader choice wins over a narrower one it does not contain
  if (district && street && allStreets.find((s) => s.code === street)?.district !== district)
    street = undefined;
  if (street && community && communityStreet(community)?.code !== street) community = undefined;
  if (district && !street && community && communityStreet(community)?.district !== district)
    community = undefined;
  // a narrower choice alone names the places above it
  if (community && !street) street = communityStreet(community)?.code;
  if (street && !district) district = allStreets.find((s) => s.code === street)?.district;

  const option = (p: { code: string; label: string }): TOption => ({ value: p.code, label: p.label });
  const inDistrict = district ? tree.filter((d) => d.code === district) : tree;
  const streetGroups: TGroup[] = inDistrict.map((d) => ({ label: d.label, options: d.streets.map(option) }));
  const inStreet = street ? streetsOf(inDistrict).filter((s) => s.code === street) : streetsOf(inDistrict);
  const communityGroups: TGroup[] = inStreet.map((s) => ({
    label: s.label,
    options: s.communities.map(option),
  }));
  return {
    choice: { district, street, community },
    districts: tree.map(option),
    // one district: its streets need no group heading
    streets: district ? { options: streetGroups[0]?.options ?? [] } : { groups: streetGroups },
    communities: street ? { options: communityGroups[0]?.options ?? [] } : { groups: communityGroups },
  };
}
