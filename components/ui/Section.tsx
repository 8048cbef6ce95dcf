import type { ReactNode } from "react";

type Props = {
  /** the id of the heading, so the section is named by it for assistive technology */
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A titled part of a page: a section labelled by its own h2. */
export function Section({ id, title, children, className = "" }: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-2 text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
