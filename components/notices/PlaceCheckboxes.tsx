export type TLabelledTree = {
  code: string;
  label: string;
  streets: { code: string; label: string; communities: { code: string; label: string }[] }[];
}[];

/**
 * The place tree as checkboxes, district → street → community (labels already in the page's
 * language). With `wholeLabel` a district or a street can be chosen as a whole (values
 * `d:`/`s:`/`c:`); otherwise only communities (bare codes).
 */
export function PlaceCheckboxes({
  tree,
  name,
  selected,
  idPrefix,
  wholeLabel,
}: {
  tree: TLabelledTree;
  name: string;
  selected: string[];
  idPrefix: string;
  wholeLabel?: (place: string) => string;
}) {
  const checked = new Set(selected);
  const box = (value: string, label: string, strong = false) => (
    <label className={`flex items-center gap-2 ${strong ? "font-bold" : ""}`}>
      <input
        key={`${value}-${checked.has(value)}`}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked.has(value)}
        className="h-5 w-5"
        id={`${idPrefix}-${value.replace(":", "-")}`}
      />
      {label}
    </label>
  );
  return (
    <ul className="grid gap-3">
      {tree.map((district) => (
        <li key={district.code}>
          {wholeLabel ? (
            box(`d:${district.code}`, wholeLabel(district.label), true)
          ) : (
            <p className="font-bold">{district.label}</p>
          )}
          <ul className="mt-1 ml-6 grid gap-2">
            {district.streets.map((street) => (
              <li key={street.code}>
                {wholeLabel ? box(`s:${street.code}`, wholeLabel(street.label), true) : <p>{street.label}</p>}
                <ul className="mt-1 ml-6 grid gap-1 md:grid-cols-2">
                  {street.communities.map((community) => (
                    <li key={community.code}>
                      {box(wholeLabel ? `c:${community.code}` : community.code, community.label)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
