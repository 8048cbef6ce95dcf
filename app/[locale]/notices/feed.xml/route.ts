import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { localText, lt } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { feedNotices } from "@/lib/notices/queries";
import { noticesRss } from "@/lib/notices/feed";
import { ZNoticeFilter } from "@/lib/notices/categories";
import { publicBaseUrl } from "@/lib/notifications/notifyApplicant";
import { placeTree } from "@/lib/places/queries";
import { queryParams } from "@/lib/api/queryParams";
import { xmlResponse } from "@/lib/shared/xml";
import { publicOrigin } from "@/lib/http/securityHeaders";
import { feedContentSecurityPolicy, feedPath, feedStylesheetPath } from "@/lib/http/feedPolicy";

export const dynamic = "force-dynamic";

/**
 * RSS 2.0 of the current notices, optionally for one community and one category. Every link uses the
 * public address (NEXTAUTH_URL), never the request's Host. Served as `application/xml` with an XSL
 * stylesheet, so a browser shows a readable page (browsers show `application/rss+xml` as bare text or
 * a download); feed readers read it the same either way.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const parsed = ZNoticeFilter.safeParse(queryParams(request.url));
  const t = await getT(locale, ["notices", "catalog", "common"]);
  const badQuery = () =>
    new Response(t("notices:feed.badQuery"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  if (!parsed.success) return badQuery();
  const { community, category } = parsed.data;
  const place = community
    ? (await placeTree())
        .flatMap((d) => d.streets.flatMap((s) => s.communities))
        .find((c) => c.code === community)
    : undefined;
  if (community && !place) return badQuery();
  const notices = await feedNotices({ filter: { community, category } });
  const base = publicBaseUrl();
  const parts = [
    place ? lt(locale, place.name, place.nameEn) : null,
    category ? t(`catalog:noticeCategory.${category}`) : null,
  ].filter(Boolean);
  const query = new URLSearchParams(
    Object.entries({ community, category }).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  const xml = noticesRss({
    title: parts.length ? `${t("notices:feed.title")} · ${parts.join(" · ")}` : t("notices:feed.title"),
    description: t("notices:feed.description"),
    language: locale,
    selfUrl: `${base}${feedPath(locale)}${query ? `?${query}` : ""}`,
    listUrl: `${base}/${locale}/notices${query ? `?${query}` : ""}`,
    noticeUrl: (id) => `${base}/${locale}/notices/${id}`,
    categoryLabel: (code) => t(`catalog:noticeCategory.${code}`),
    notices: notices.map((n) => {
      const title = localText(locale, n.title, n.titleEn);
      // an English feed carries untranslated notices in Chinese, and says so (xml:lang)
      return {
        ...n,
        title: title.text,
        body: lt(locale, n.body),
        lang: title.lang === locale ? undefined : title.lang,
      };
    }),
    copyright: t("notices:feed.copyright"),
    stylesheet: feedStylesheetPath(locale),
    dateLabel: (date) => formatDate(locale, date),
  });
  return xmlResponse(xml, {
    contentType: "application/xml",
    cacheControl: "public, max-age=60",
    contentSecurityPolicy: feedContentSecurityPolicy(locale, publicOrigin()),
  });
}
