import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { getNotice } from "@/lib/notices/queries";
import { NoticeView } from "@/components/notices/NoticeView";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const notice = await getNotice({ id: (await params).id });
  return { title: notice ? lt(locale, notice.title, notice.titleEn) : undefined };
}

export default async function NoticePage({ params }: Props) {
  const locale = await localeParam(params);
  const notice = await getNotice({ id: (await params).id });
  if (!notice) notFound();
  const t = await getT(locale, ["notices"]);
  return (
    <div className="grid gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </nav>
      <NoticeView locale={locale} notice={notice} />
    </div>
  );
}
