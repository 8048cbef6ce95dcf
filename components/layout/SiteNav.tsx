"use client";

import { Link } from "@/components/ui/Link";
import { usePathname } from "next/navigation";
import { navHref, navSection, navSections, type TNavSection } from "@/lib/shared/navSection";

type Props = {
  locale: string;
  /** the path the server rendered: the current section before the browser knows its own path */
  path: string;
  label: string;
  /** the phone menu's button */
  menuLabel: string;
  names: Record<TNavSection, string>;
};

/**
 * The main navigation with the current section marked (aria-current and a darker tab). It reads
 * the path in the browser too, so the mark follows client-side navigation (the layout around it
 * is not rendered again). Wide screens get the row of tabs; phones a "menu" disclosure (a
 * <details>, so it opens without JavaScript) that names the current section, keeping the header
 * short.
 */
export function SiteNav({ locale, path, label, menuLabel, names }: Props) {
  const current = navSection(usePathname() ?? path, locale);
  const links = (className: string) =>
    navSections.map((section) => (
      <li key={section}>
        <Link
          href={navHref(locale, section)}
          aria-current={section === current ? "page" : undefined}
          className={`${className} font-medium text-white ${section === current ? "bg-brand-dark underline" : "no-underline hover:underline"}`}
        >
          {names[section]}
        </Link>
      </li>
    ));
  return (
    <>
      <nav aria-label={label} className="bg-brand max-sm:hidden">
        <ul className="mx-auto flex max-w-6xl flex-wrap px-4">{links("block px-4 py-3")}</ul>
      </nav>
      <details className="group bg-brand text-white sm:hidden">
        <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2 font-medium [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          {menuLabel}
          {current ? <span className="ml-auto underline">{names[current]}</span> : null}
        </summary>
        <nav aria-label={label}>
          <ul className="grid px-2 pb-2">{links("block px-2 py-2")}</ul>
        </nav>
      </details>
    </>
  );
}
