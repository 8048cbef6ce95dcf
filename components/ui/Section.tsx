import type { ReactNode } from "react";

type Props = {
  /** the id of the heading, so the section is named by it for assistive technology */
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  /** the heading's look, where the page sets it apart (larger in elder mode, smaller beside a list) */
  headingClassName?: string;
};

/** A titled part of a page: a section labelled by its own h2. */
export function Section({
  id,
  title,
  children,
  className = "",
  headingClassName = "mb-2 text-xl font-bold",
}: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
