import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { pageT } from "@/lib/i18n/server";
import { withQuery } from "@/lib/i18n/paths";
import { formatDate } from "@/lib/i18n/format";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { searchPortal, suggestServices } from "@/lib/search/queries";
import { searchPageSize, ZSearchQuery } from "@/lib/search/schema";
import { searchTypes } from "@/lib/search/entries";
import { getSiteSettings } from "@/lib/settings/queries";
import { ServiceList } from "@/components/services/ServiceLink";
import { Pagination } from "@/components/ui/Pagination";
import { Marked } from "@/components/search/Marked";
import { SearchBox } from "@/components/ui/SearchBox";
import { MoreLink } from "@/components/ui/MoreLink";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { t } = await pageT(params, "search");
  // the search page is in the sitemap; its result pages are not for crawlers
  return {
    title: t("search:title"),
    ...((await searchParams).q ? { robots: { index: false, follow: true } } : {}),
  };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** One search over everything public: a plain GET form, type filters and pages as links, so it works without JavaScript. */
export default async function SearchPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, "search");
  const raw = await searchParams;
  const parsed = ZSearchQuery.safeParse({
    q: first(raw.q) ?? "",
    type: first(raw.type) || undefined,
    page: first(raw.page) || undefined,
  });
  const q = (first(raw.q) ?? "").trim().slice(0, 100);
  const query = parsed.success ? parsed.data : null;
  const found = query ? await searchPortal({ query, locale }) : null;
  const empty = found && found.total === 0;
  const [suggestions, settings] = empty
    ? await Promise.all([suggestServices({ q }), getSiteSettings()])
    : [[], null];
  const href = (change: { type?: string; page?: number }) =>
    withQuery(`/${locale}/search`, {
      q,
      type: change.type,
      page: change.page && change.page > 1 ? change.page : undefined,
    });
  const allCount = found ? searchTypes.reduce((sum, type) => sum + found.counts[type], 0) : 0;
  const countText = (count: number, capped: boolean) =>
    capped ? t("search:countMore", { count }) : String(count);
  const anyMore = !!found?.more.length;

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("search:title")}</h1>
      <SearchBox locale={locale} t={t} id="search-q" value={q} />
      {q && !query ? (
        <p role="alert" className="font-bold text-brand">
          {t("search:invalid")}
        </p>
      ) : null}
      {found && query ? (
        <>
          <nav aria-label={t("search:filterLabel")}>
            <ul className="flex flex-wrap gap-2">
              {[undefined, ...searchTypes].map((type) => {
                const current = query.type === type;
                const count = type
                  ? countText(found.counts[type], found.more.includes(type))
                  : countText(allCount, anyMore);
                return (
                  <li key={type ?? "all"}>
                    <Link
                      href={href({ type })}
                      aria-current={current ? "page" : undefined}
                      className={`inline-block border px-3 py-1 no-underline ${current ? "border-brand bg-brand text-white" : "border-line"}`}
                    >
                      {t(type ? `search:types.${type}` : "search:all")} ({count})
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <p role="status">
            {found.total
              ? t("search:resultCount", {
                  count: found.total,
                  shown: countText(found.total, query.type ? found.more.includes(query.type) : anyMore),
                })
              : t("search:noResults", { q })}
          </p>
          {found.terms.length > 1 ? (
            <p className="text-sm text-muted">
              {t("search:alsoSearched", { terms: found.terms.slice(1).join(t("search:termSeparator")) })}
            </p>
          ) : null}
          {anyMore ? <p className="text-sm text-muted">{t("search:moreNote")}</p> : null}
          {found.results.length ? (
            <ol className="grid gap-4" start={(found.page - 1) * searchPageSize + 1}>
              {found.results.map((r) => (
                <li key={`${r.type}:${r.key}`} className="border-b border-line pb-3">
                  <p className="text-sm text-muted">
                    {t(`search:types.${r.type}`)} ·{" "}
                    <time dateTime={r.date.toISOString()}>{formatDate(locale, r.date)}</time>
                  </p>
                  <h2 className="text-lg font-bold" lang={r.lang === locale ? undefined : r.lang}>
                    <Link href={`/${locale}${r.path}`}>
                      <Marked segments={r.title} />
                    </Link>
                  </h2>
                  {r.snippet ? (
                    <p className="mt-1" lang={r.snippetLang === locale ? undefined : r.snippetLang}>
                      <Marked segments={r.snippet} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {empty ? (
            <section aria-labelledby="suggest" className="grid gap-2">
              {suggestions.length ? (
                <>
                  <h2 id="suggest" className="text-xl font-bold">
                    {t("search:suggestionsTitle")}
                  </h2>
                  <ServiceList locale={locale} services={suggestions} className="grid list-disc gap-1 pl-6" />
                </>
              ) : (
                <h2 id="suggest" className="text-xl font-bold">
                  {t("search:helpTitle")}
                </h2>
              )}
              <p>{t("search:hotline", { hotline: settings?.hotline ?? "" })}</p>
              <MoreLink href={`/${locale}/services`}>{t("search:browseServices")}</MoreLink>
            </section>
          ) : null}
          <Pagination
            t={t}
            page={found.page}
            pages={found.pages}
            hrefFor={(page) => href({ type: query.type, page })}
          />
        </>
      ) : null}
    </div>
  );
}
