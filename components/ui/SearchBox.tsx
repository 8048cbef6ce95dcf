import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { inputClass } from "./Field";
import { Button } from "./Button";

/**
 * The portal's one-line search (the page needs the "search" namespace): a GET form to the
 * search page, so it works without JavaScript and every search has its own address.
 */
export function SearchBox({
  locale,
  t,
  id,
  value,
}: {
  locale: TLocale;
  t: TFunction;
  id: string;
  value?: string;
}) {
  return (
    <form action={`/${locale}/search`} method="get" role="search" className="flex flex-wrap gap-2">
      <label htmlFor={id} className="sr-only">
        {t("search:label")}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={value}
        maxLength={100}
        className={`${inputClass} min-w-48 flex-1`}
        placeholder={t("search:placeholder")}
      />
      <Button>{t("search:submit")}</Button>
    </form>
  );
}
