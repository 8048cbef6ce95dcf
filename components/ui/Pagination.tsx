import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";

type Props = {
  t: TFunction;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  /** the list was counted only so far: there are at least `pages` pages */
  more?: boolean;
};

/**
 * Previous / next links with "page N of M" (or "of at least M" when the list was not counted to
 * its end); plain links, so it works without JavaScript.
 */
export function Pagination({ t, page, pages, hrefFor, more = false }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="mt-6 flex items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span>{t(more ? "pagination.statusAtLeast" : "pagination.status", { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
