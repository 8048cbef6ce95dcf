"use client";

import { pathInLocale } from "@/lib/i18n/paths";
import type { TLocale } from "@/lib/i18n/settings";
import { useCurrentPath } from "./useCurrentPath";

type Props = {
  locale: TLocale;
  locales: readonly TLocale[];
  /** the path and query the server rendered; the browser's own path replaces it after a client navigation */
  path: string;
  label: string;
  /** each locale's name, written in its own language */
  names: Record<TLocale, string>;
};

/** Links to the same page (path and query) in each other locale; each name is written in its own language. */
export function LanguageSwitcher({ locale, locales, path, label, names }: Props) {
  const current = useCurrentPath(path);
  return (
    <nav aria-label={label}>
      <ul className="flex gap-3">
        {locales.map((other) => (
          <li key={other}>
            {other === locale ? (
              <span aria-current="true" className="font-bold" lang={other}>
                {names[other]}
              </span>
            ) : (
              <a href={pathInLocale(current, other)} hrefLang={other} lang={other}>
                {names[other]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
