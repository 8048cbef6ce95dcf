import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatDay } from "@/lib/i18n/format";
import { getSiteSettings } from "@/lib/settings/queries";
import { Markdown } from "@/components/ui/Markdown";
import { DocumentMeta } from "@/components/disclosure/DocumentMeta";
import { documentAt } from "../documentAt";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await documentAt(params);
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined, robots: { index: false } };
}

/** The print view: the metadata block and full text only (the site's header and footer are not printed). */
export default async function DocumentPrintPage({ params }: Props) {
  const locale = await localeParam(params);
  const doc = await documentAt(params);
  if (!doc) notFound();
  const [t, settings] = await Promise.all([getT(locale, ["disclosure", "catalog"]), getSiteSettings()]);
  const title = localText(locale, doc.title, doc.titleEn);
  const body = localText(locale, doc.body);
  return (
    <article className="mx-auto grid max-w-3xl gap-4">
      <p className="no-print border-l-4 border-brand pl-3">{t("disclosure:print.hint")}</p>
      <p className="text-center text-sm">{lt(locale, settings.siteName.zh, settings.siteName.en)}</p>
      <DocumentMeta locale={locale} t={t} doc={doc} print />
      {doc.validity !== "VALID" ? (
        <p className="font-bold">
          {t(`disclosure:validityBanner.${doc.validity}`, { date: formatDay(locale, doc.validityFrom) })}
        </p>
      ) : null}
      <h1 className="text-center text-2xl font-bold" lang={title.lang === locale ? undefined : title.lang}>
        {title.text}
      </h1>
      <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} />
    </article>
  );
}
