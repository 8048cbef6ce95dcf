import { Fragment, type ReactNode } from "react";

/** One term and its value; `false` leaves a row out, so optional rows can be written inline. */
export type TDefinition = [term: string, value: ReactNode] | false;

/**
 * Terms in bold beside their values, two columns from the first breakpoint given in `className`.
 * With `rowClassName`, each term and its value share a wrapper of that class (a row of its own
 * grid, or `contents` to stay in the list's grid).
 */
export function DefinitionList({
  items,
  className = "grid grid-cols-[10rem_1fr] gap-2",
  rowClassName,
}: {
  items: TDefinition[];
  className?: string;
  rowClassName?: string;
}) {
  return (
    <dl className={className}>
      {items
        .filter((item) => item !== false)
        .map(([term, value]) => {
          const row = (
            <>
              <dt className="font-bold">{term}</dt>
              <dd>{value}</dd>
            </>
          );
          return rowClassName ? (
            <div key={term} className={rowClassName}>
              {row}
            </div>
          ) : (
            <Fragment key={term}>{row}</Fragment>
          );
        })}
    </dl>
  );
}
