import type { ReactNode } from "react";

type Props = {
  /** the entries, in order: one `<li>` each */
  items: ReactNode[];
  /** steps to follow in order (1, 2, 3…) rather than bullets */
  numbered?: boolean;
  className?: string;
};

/** A bulleted or numbered list of short texts (categories, steps, conditions). */
export function TextList({ items, numbered = false, className }: Props) {
  const List = numbered ? "ol" : "ul";
  return (
    <List className={className ?? (numbered ? "ml-6 grid list-decimal gap-1" : "ml-6 grid list-disc gap-1")}>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </List>
  );
}
