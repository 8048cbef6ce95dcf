import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { pageT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText } from "@/components/ui/LocalText";
import { Section } from "@/components/ui/Section";
import { DocumentMeta } from "@/components/disclosure/DocumentMeta";
import { DocumentTitle } from "@/components/disclosure/DocumentTitle";
import { FileSection } from "@/components/cases/FileList";
import { InterpretationLinks } from "@/components/disclosure/InterpretationLinks";
import { documentAt } from "./documentAt";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await documentAt(params);
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined };
}

export default async function DocumentPage({ params }: Props) {
  const [{ locale, t }, doc] = await Promise.all([
    pageT(params, ["disclosure", "catalog"]),
    documentAt(params),
  ]);
  if (!doc) notFound();
  const body = localText(locale, doc.body);
  return (
    <article className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="no-print flex gap-6 text-sm">
        <Link href={`/${locale}/disclosure`}>{t("disclosure:catalogueTitle")}</Link>
        <Link href={`/${locale}/disclosure/${doc.indexNo}/print`}>{t("disclosure:print.link")}</Link>
      </nav>
      <DocumentTitle locale={locale} t={t} doc={doc} />
      <DocumentMeta locale={locale} t={t} doc={doc} />
      <InterpretationLinks locale={locale} t={t} doc={doc} />
      <Section id="summary" title={t("disclosure:field.summary")}>
        <p>
          <LocalText locale={locale} zh={doc.summary} />
        </p>
      </Section>
      <Section id="body" title={t("disclosure:body")}>
        {locale === "en" ? <p className="text-sm text-muted">{t("chineseOnly")}</p> : null}
        <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} topLevel={3} />
      </Section>
      <FileSection id="attachments" title={t("attachments")} files={doc.attachments} locale={locale} t={t} />
    </article>
  );
}
