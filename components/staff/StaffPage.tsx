import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";

type Props = {
  title: ReactNode;
  /** the list this page belongs to, linked above the title; `nav` names the link's landmark */
  back?: { href: string; label: string; nav: string };
  /**
   * the outcome of the form just sent (after its redirect), announced to screen readers; hidden
   * while a form on the page shows errors (globals.css), so a success and an error never show together
   */
  status?: ReactNode;
  /** the lead paragraph that says what the page is for */
  intro?: ReactNode;
  /** the page's grid (by default its sections 1.5rem apart) */
  className?: string;
  children?: ReactNode;
};

/**
 * A staff page: the way back to its list, the title, what was just done, what the page is for,
 * then its content. Every staff page that shows one thing or one setting starts so.
 */
export function StaffPage({ title, back, status, intro, className = "grid gap-6", children }: Props) {
  return (
    <div className={className}>
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
      {intro ? <p className="max-w-2xl">{intro}</p> : null}
      {children}
    </div>
  );
}
