import type { ReactNode } from "react";

type Props<I> = {
  items: I[];
  /** the line shown instead of the entries when there are none */
  empty: string;
  className?: string;
  /** one entry: an `<li>` with its key */
  children: (item: I) => ReactNode;
};

/** A list that says so when it is empty; the (empty) list stays in place for the page's layout. */
export function ItemList<I>({ items, empty, className = "grid gap-2", children }: Props<I>) {
  return (
    <>
      {items.length === 0 ? <p>{empty}</p> : null}
      <ul className={className}>{items.map((item) => children(item))}</ul>
    </>
  );
}
