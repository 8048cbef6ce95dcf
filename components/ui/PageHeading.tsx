import { Fragment, type ReactNode } from "react";
import { Link } from "@/components/ui/Link";

/** A page's h1 and, when it has one, the lead paragraph that says what the page is for. */
export function PageHeading({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro ? <p className="max-w-2xl">{intro}</p> : null}
    </>
  );
}

/** The pages above this one, as links separated by slashes. */
export function Breadcrumb({ label, links }: { label: string; links: { href: string; label: ReactNode }[] }) {
  return (
    <nav aria-label={label} className="text-sm">
      {links.map((link, index) => (
        <Fragment key={link.href}>
          {index ? " / " : null}
          <Link href={link.href}>{link.label}</Link>
        </Fragment>
      ))}
    </nav>
  );
}
