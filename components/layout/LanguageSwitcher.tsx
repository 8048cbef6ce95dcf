import type { TFunction } from "i18next";
import { pathInLocale } from "@/lib/i18n/paths";
import type { TLocale } from "@/lib/i18n/settings";

type Props = { locale: TLocale; locales: readonly TLocale[]; path: string; label: string; names: TFunction };

/** Links to the same page in each other locale; each name is written in its own language. */
export function LanguageSwitcher({ locale, locales, path, label, names }: Props) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-3">
        {locales.map((other) => (
          <li key={other}>
            {other === locale ? (
              <span aria-current="true" className="font-bold" lang={other}>
                {names(`language.${other}`)}
              </span>
            ) : (
              <a href={pathInLocale(path, other)} hrefLang={other} lang={other}>
                {names(`language.${other}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
