import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatBytes, formatDate } from "@/lib/i18n/format";
import { getNotice } from "@/lib/notices/queries";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const notice = await getNotice((await params).id);
  return { title: notice ? lt(locale, notice.title, notice.titleEn) : undefined };
}

export default async function NoticePage({ params }: Props) {
  const locale = await localeParam(params);
  const notice = await getNotice((await params).id);
  if (!notice) notFound();
  const t = await getT(locale, ["notices", "catalog"]);
  const expired = notice.status === "ARCHIVED" || (notice.expiresAt !== null && notice.expiresAt <= new Date());
  const title = localText(locale, notice.title, notice.titleEn);
  const body = localText(locale, notice.body);
  const meta = (term: string, value: React.ReactNode, wide = false) => (
    <div className={`grid grid-cols-[7rem_1fr] gap-2 ${wide ? "md:col-span-2" : ""}`}>
      <dt className="font-bold">{term}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <article className="grid gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </nav>
      {expired ? (
        <div role="note" className="border-4 border-brand p-4 font-bold">
          {notice.expiresAt ? t("notices:expiredBanner", { date: formatDate(locale, notice.expiresAt) }) : t("notices:archivedBanner")}
        </div>
      ) : null}
      <h1 className="text-2xl font-bold" lang={title.lang === locale ? undefined : title.lang}>{title.text}</h1>
      <dl className="grid md:grid-cols-2 gap-x-6 gap-y-1 border border-line p-4 bg-panel text-sm">
        {meta(t("notices:category"), t(`catalog:noticeCategory.${notice.category}`))}
        {meta(t("notices:source"), <LocalText locale={locale} zh={notice.source} />)}
        {notice.department ? meta(t("notices:department"), <LocalText locale={locale} zh={notice.department.name} en={notice.department.nameEn} />) : null}
        {notice.author ? meta(t("notices:publisher"), <LocalText locale={locale} zh={notice.author.name} />) : null}
        {meta(t("notices:published"), formatDate(locale, notice.publishedAt))}
        {meta(t("notices:expires"), notice.expiresAt ? formatDate(locale, notice.expiresAt) : t("notices:noExpiry"))}
        {meta(
          t("notices:communities"),
          <ul>
            {notice.targets.map(({ community: c }) => (
              <li key={c.code}>
                <LocalText locale={locale} zh={c.street.district.name} en={c.street.district.nameEn} /> <LocalText locale={locale} zh={c.street.name} en={c.street.nameEn} />{" "}
                <LocalText locale={locale} zh={c.name} en={c.nameEn} />
              </li>
            ))}
          </ul>,
          true,
        )}
      </dl>
      {locale === "en" && body.lang !== "en" ? <p className="text-muted text-sm">{t("chineseOnly")}</p> : null}
      <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} />
      {notice.attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments" className="text-xl font-bold">{t("attachments")}</h2>
          <ul>
            {notice.attachments.map((file) => (
              <li key={file.id}>{t("fileWithSize", { name: file.fileName, size: formatBytes(locale, file.size) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
