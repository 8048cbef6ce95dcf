import Link from "next/link";

type Props = {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label: string;
  previous: string;
  next: string;
  status: string;
};

/** Previous / next links with "page N of M"; plain links, so it works without JavaScript. */
export function Pagination({ page, pages, hrefFor, label, previous, next, status }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {previous}
        </Link>
      ) : null}
      <span>{status}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
