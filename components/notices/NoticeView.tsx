import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { localText } from "@/lib/i18n/content";
import { formatBytes, formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/settings";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText } from "@/components/ui/LocalText";

type TPlaceName = { name: string; nameEn: string };
export type TNoticeViewData = {
  title: string;
  titleEn: string | null;
  body: string;
  category: string;
  source: string;
  status: string;
  publishedAt: Date | null;
  publishAt: Date | null;
  expiresAt: Date | null;
  department: TPlaceName | null;
  author: { name: string } | null;
  targets: { community: TPlaceName & { code: string; street: TPlaceName & { district: TPlaceName } } }[];
  attachments: { id: string; fileName: string; size: number }[];
};

/**
 * One notice as the public sees it. The staff preview renders this same component, so what the
 * reviewer approves is exactly what residents will read.
 */
export async function NoticeView({
  locale,
  notice,
  now = new Date(),
  headingId,
}: {
  locale: TLocale;
  notice: TNoticeViewData;
  now?: Date;
  headingId?: string;
}) {
  const t = await getT(locale, ["notices", "catalog", "common"]);
  const expired = notice.status === "ARCHIVED" || (notice.expiresAt !== null && notice.expiresAt <= now);
  const title = localText(locale, notice.title, notice.titleEn);
  const body = localText(locale, notice.body);
  const meta = (term: string, value: React.ReactNode, wide = false) => (
    <div className={`grid grid-cols-[7rem_1fr] gap-2 ${wide ? "md:col-span-2" : ""}`}>
      <dt className="font-bold">{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <article className="grid gap-4" aria-labelledby={headingId}>
      {expired ? (
        <div role="note" className="border-4 border-brand p-4 font-bold">
          {notice.status !== "ARCHIVED" && notice.expiresAt
            ? t("notices:expiredBanner", { date: formatDate(locale, notice.expiresAt) })
            : t("notices:archivedBanner")}
        </div>
      ) : null}
      <h1 id={headingId} className="text-2xl font-bold" lang={title.lang === locale ? undefined : title.lang}>
        {title.text}
      </h1>
      <dl className="grid gap-x-6 gap-y-1 border border-line bg-panel p-4 text-sm md:grid-cols-2">
        {meta(t("notices:category"), t(`catalog:noticeCategory.${notice.category}`))}
        {meta(t("notices:source"), <LocalText locale={locale} zh={notice.source} />)}
        {notice.department
          ? meta(
              t("notices:department"),
              <LocalText locale={locale} zh={notice.department.name} en={notice.department.nameEn} />,
            )
          : null}
        {notice.author
          ? meta(t("notices:publisher"), <LocalText locale={locale} zh={notice.author.name} />)
          : null}
        {meta(t("notices:published"), formatDate(locale, notice.publishedAt ?? notice.publishAt))}
        {meta(
          t("notices:expires"),
          notice.expiresAt ? formatDate(locale, notice.expiresAt) : t("notices:noExpiry"),
        )}
        {meta(
          t("notices:communities"),
          <ul>
            {notice.targets.map(({ community: c }) => (
              <li key={c.code}>
                <LocalText locale={locale} zh={c.street.district.name} en={c.street.district.nameEn} />{" "}
                <LocalText locale={locale} zh={c.street.name} en={c.street.nameEn} />{" "}
                <LocalText locale={locale} zh={c.name} en={c.nameEn} />
              </li>
            ))}
          </ul>,
          true,
        )}
      </dl>
      {locale === "en" && body.lang !== "en" ? (
        <p className="text-sm text-muted">{t("chineseOnly")}</p>
      ) : null}
      <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} />
      {notice.attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments" className="text-xl font-bold">
            {t("attachments")}
          </h2>
          <ul>
            {notice.attachments.map((file) => (
              <li key={file.id}>
                <Link href={`/api/v1/files/${file.id}`} prefetch={false}>
                  {t("fileWithSize", { name: file.fileName, size: formatBytes(locale, file.size) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
