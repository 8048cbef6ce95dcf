import type { ReactNode } from "react";
import Link from "next/link";

type Props = {
  title: ReactNode;
  /** the list this page belongs to, linked above the title; `nav` names the link's landmark */
  back?: { href: string; label: string; nav: string };
  /**
   * the outcome of the form just sent (after its redirect), announced to screen readers; hidden
   * while a form on the page shows errors (globals.css), so a success and an error never show together
   */
  status?: ReactNode;
};

/** The top of a staff page that shows one thing: the way back to its list, the title, what was just done. */
export function PageHeader({ title, back, status }: Props) {
  return (
    <>
      {back ? (
        <nav aria-label={back.nav} className="text-sm">
          <Link href={back.href}>{back.label}</Link>
        </nav>
      ) : null}
      <h1 className="text-2xl font-bold">{title}</h1>
      {status ? (
        <p role="status" data-outcome="done" className="border-l-4 border-brand pl-3">
          {status}
        </p>
      ) : null}
    </>
  );
}
