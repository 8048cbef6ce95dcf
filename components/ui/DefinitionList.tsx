import { Fragment, type ReactNode } from "react";

/** One term and its value; `false` leaves a row out, so optional rows can be written inline. */
export type TDefinition = [term: string, value: ReactNode] | false;

/** Terms in bold beside their values, two columns from the first breakpoint given in `className`. */
export function DefinitionList({
  items,
  className = "grid grid-cols-[10rem_1fr] gap-2",
}: {
  items: TDefinition[];
  className?: string;
}) {
  return (
    <dl className={className}>
      {items
        .filter((item) => item !== false)
        .map(([term, value]) => (
          <Fragment key={term}>
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
