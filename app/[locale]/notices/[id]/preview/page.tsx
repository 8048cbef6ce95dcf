import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSessionUser } from "@/lib/auth/session";
import { noticeForStaff } from "@/lib/notices/staffQueries";
import { NoticeView } from "@/components/notices/NoticeView";

type Props = { params: Promise<{ locale: string; id: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The preview: the public notice page, in the public shell, for editors and supervisors only
 * (everyone else gets the 404 of a notice that does not exist). What the reviewer sees here is
 * what residents will read.
 */
export default async function NoticePreviewPage({ params }: Props) {
  const locale = await localeParam(params);
  const notice = await noticeForStaff({ actor: await getSessionUser(), id: (await params).id });
  if (!notice) notFound();
  const t = await getT(locale, ["notices"]);
  return (
    <div className="grid gap-4">
      <p role="note" className="border-4 border-ink p-3 font-bold">
        {t("notices:previewBanner", { status: t(`notices:status.${notice.status}`) })}{" "}
        <Link href={`/staff/notices/${notice.id}`}>{t("notices:backToEditor")}</Link>
      </p>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </nav>
      <NoticeView locale={locale} notice={notice} />
    </div>
  );
}
