import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { getSiteSettings } from "@/lib/settings/queries";
import { Markdown } from "@/components/ui/Markdown";
import { DocumentMeta } from "@/components/disclosure/DocumentMeta";
import { DocumentTitle } from "@/components/disclosure/DocumentTitle";
import { documentAt } from "../documentAt";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await documentAt(params, "/print");
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined, robots: { index: false } };
}

/** The print view: the metadata block and full text only (the site's header and footer are not printed). */
export default async function DocumentPrintPage({ params }: Props) {
  const [{ locale, t }, doc, settings] = await Promise.all([
    pageT(params, ["disclosure", "catalog"]),
    documentAt(params, "/print"),
    getSiteSettings(),
  ]);
  if (!doc) notFound();
  const body = localText(locale, doc.body);
  return (
    <article className="mx-auto grid max-w-3xl gap-4">
      <p className="no-print border-l-4 border-brand pl-3">{t("disclosure:print.hint")}</p>
      <p className="text-center text-sm">{lt(locale, settings.siteName.zh, settings.siteName.en)}</p>
      <DocumentMeta locale={locale} t={t} doc={doc} print />
      <DocumentTitle locale={locale} t={t} doc={doc} print />
      <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} />
    </article>
  );
}
