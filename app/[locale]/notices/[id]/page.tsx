import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatBytes, formatDate } from "@/lib/i18n/format";
import { getNotice } from "@/lib/notices/queries";
import { Markdown } from "@/components/ui/Markdown";

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
  const places = notice.targets.map(({ community: c }) => `${lt(locale, c.street.district.name, c.street.district.nameEn)} ${lt(locale, c.street.name, c.street.nameEn)} ${lt(locale, c.name, c.nameEn)}`);

  return (
    <article className="grid gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </nav>
      {expired ? (
        <div role="note" className="border-4 border-brand p-4 font-bold">
          {t("notices:expiredBanner", { date: formatDate(locale, notice.expiresAt) })}
        </div>
      ) : null}
      <h1 className="text-2xl font-bold" lang={title.lang === locale ? undefined : title.lang}>{title.text}</h1>
      <dl className="grid md:grid-cols-2 gap-x-6 border border-line p-4 bg-panel text-sm">
        <div className="flex gap-2"><dt className="font-bold">{t("notices:category")}:</dt><dd>{t(`catalog:noticeCategory.${notice.category}`)}</dd></div>
        <div className="flex gap-2"><dt className="font-bold">{t("notices:source")}:</dt><dd>{lt(locale, notice.source)}</dd></div>
        {notice.department ? <div className="flex gap-2"><dt className="font-bold">{t("notices:department")}:</dt><dd>{lt(locale, notice.department.name, notice.department.nameEn)}</dd></div> : null}
        {notice.author ? <div className="flex gap-2"><dt className="font-bold">{t("notices:publisher")}:</dt><dd>{lt(locale, notice.author.name)}</dd></div> : null}
        <div className="flex gap-2"><dt className="font-bold">{t("notices:published")}:</dt><dd>{formatDate(locale, notice.publishedAt)}</dd></div>
        <div className="flex gap-2"><dt className="font-bold">{t("notices:expires")}:</dt><dd>{notice.expiresAt ? formatDate(locale, notice.expiresAt) : t("notices:noExpiry")}</dd></div>
        <div className="flex gap-2 md:col-span-2"><dt className="font-bold">{t("notices:communities")}:</dt><dd>{places.join("; ")}</dd></div>
      </dl>
      {locale === "en" && body.lang !== "en" ? <p className="text-muted text-sm">{t("chineseOnly")}</p> : null}
      <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} />
      {notice.attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments" className="text-xl font-bold">{t("attachments")}</h2>
          <ul>
            {notice.attachments.map((file) => (
              <li key={file.id}>{file.fileName} ({formatBytes(locale, file.size)})</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
