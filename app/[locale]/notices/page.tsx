import Link from "next/link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { codeOptions } from "@/lib/i18n/options";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, type TSearchParams } from "@/lib/i18n/search-params";
import { listNotices, type TNoticeFilter } from "@/lib/notices/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { getSessionUser } from "@/lib/auth/session";
import { noticeCategories } from "@/lib/notices/categories";
import { placeTree } from "@/lib/places/queries";
import { FilterForm, type TFilter } from "@/components/ui/Filters";
import { Pagination } from "@/components/ui/Pagination";
import { withQuery } from "@/lib/i18n/paths";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("notices", "notices:listTitle");

export default async function NoticesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const tree = await placeTree();
  const streets = tree.flatMap((d) => d.streets);
  const communities = streets.flatMap((s) => s.communities);
  const filter: TNoticeFilter = {
    district: enumParam(
      query.district,
      tree.map((d) => d.code),
    ),
    street: enumParam(
      query.street,
      streets.map((s) => s.code),
    ),
    community: enumParam(
      query.community,
      communities.map((c) => c.code),
    ),
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

  const place = (p: { code: string; name: string; nameEn: string }) => ({
    value: p.code,
    label: lt(locale, p.name, p.nameEn),
  });
  // the place filters narrow from district to community; streets and communities come grouped
  const filters: TFilter[] = (
    [
      { name: "district", options: tree.map(place) },
      { name: "street", groups: tree.map((d) => ({ label: place(d).label, options: d.streets.map(place) })) },
      {
        name: "community",
        groups: streets.map((s) => ({ label: place(s).label, options: s.communities.map(place) })),
      },
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
