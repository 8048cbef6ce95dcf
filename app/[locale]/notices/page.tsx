import { Link } from "@/components/ui/Link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { codeOptions } from "@/lib/i18n/options";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { listNotices, type TNoticeFilter } from "@/lib/notices/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { getSessionUser } from "@/lib/auth/session";
import { noticeCategories } from "@/lib/notices/categories";
import { labelledPlaceTree } from "@/lib/places/queries";
import { narrowPlaces } from "@/lib/places/narrowPlaces";
import { FilterForm, type TFilter } from "@/components/ui/Filters";
import { Pagination } from "@/components/ui/Pagination";
import { withQuery } from "@/lib/i18n/paths";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("notices", "notices:listTitle");

export default async function NoticesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  // 区县 → 街道 → 社区 narrow one another: a changed district drops a street outside it, and so on
  const places = narrowPlaces(await labelledPlaceTree({ locale }), {
    district: param(query.district, 40),
    street: param(query.street, 40),
    community: param(query.community, 40),
  });
  const filter: TNoticeFilter = {
    ...places.choice,
    category: enumParam(query.category, noticeCategories),
    page: intParam(query.page),
  };
  const mine = await myCommunityCodes({ userId: (await getSessionUser())?.id });
  const [t, result] = await Promise.all([
    getT(locale, ["notices", "catalog"]),
    listNotices({ filter, mine }),
  ]);
  const feedHref = withQuery(`/${locale}/notices/feed.xml`, {
    community: filter.community,
    category: filter.category,
  });
  const subscribeHref = withQuery(`/${locale}/notices/subscribe`, {
    community: filter.community,
    category: filter.category,
  });
  const hrefFor = (page: number) =>
    withQuery(`/${locale}/notices`, { ...filter, page: page > 1 ? page : undefined });

  const filters: TFilter[] = (
    [
      { name: "district", options: places.districts },
      { name: "street", ...places.streets },
      { name: "community", ...places.communities },
      { name: "category", options: codeOptions(t, "catalog:noticeCategory", noticeCategories) },
    ] as const
  ).map((select) => ({ ...select, label: t(`notices:${select.name}`), value: filter[select.name] }));
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("notices:listTitle")}</h1>
      <FilterForm t={t} idPrefix="n" filters={filters} />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <p role="status">{t("notices:count", { count: result.total })}</p>
        <Link href={subscribeHref}>{t("notices:subscribe.link")}</Link>
        <a href={feedHref}>{t("notices:feed.link")}</a>
        {mine.length ? null : (
          <Link href={`/${locale}/account#my-communities`}>{t("notices:pickCommunities")}</Link>
        )}
      </div>
      <ul className="grid gap-3">
        {result.items.map((notice) => (
          <li
            key={notice.id}
            className={`border p-4 ${notice.urgent || notice.emergency ? "border-4 border-brand" : "border-line"}`}
          >
            <h2 className="text-lg font-bold">
              {notice.mine ? (
                <span className="mr-2 border-2 border-ink px-2 text-sm">{t("notices:mine")}</span>
              ) : null}
              {notice.urgent ? (
                <span className="mr-2 bg-brand px-2 text-sm text-white">{t("notices:urgent")}</span>
              ) : null}
              {notice.pinned ? (
                <span className="mr-2 bg-brand px-2 text-sm text-white">{t("notices:pinned")}</span>
              ) : null}
              <Link href={`/${locale}/notices/${notice.id}`}>
                <LocalText locale={locale} zh={notice.title} en={notice.titleEn} />
              </Link>
            </h2>
            <p className="flex flex-wrap gap-x-4 text-sm text-muted">
              <span>{t(`catalog:noticeCategory.${notice.category}`)}</span>
              <span>
                <LocalText locale={locale} zh={notice.source} />
              </span>
              <span>{t("notices:publishedOn", { date: formatDate(locale, notice.publishedAt) })}</span>
              {notice.expiresAt ? (
                <span>{t("notices:validUntil", { date: formatDate(locale, notice.expiresAt) })}</span>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <Pagination t={t} page={result.page} pages={result.pages} hrefFor={hrefFor} />
    </div>
  );
}
