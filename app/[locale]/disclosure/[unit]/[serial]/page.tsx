import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatBytes, formatDay } from "@/lib/i18n/format";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText } from "@/components/ui/LocalText";
import { Section } from "@/components/ui/Section";
import { DocumentMeta } from "@/components/disclosure/DocumentMeta";
import { documentAt } from "./documentAt";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await documentAt(params);
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined };
}

export default async function DocumentPage({ params }: Props) {
  const locale = await localeParam(params);
  const doc = await documentAt(params);
  if (!doc) notFound();
  const t = await getT(locale, ["disclosure", "catalog"]);
  const title = localText(locale, doc.title, doc.titleEn);
  const body = localText(locale, doc.body);
  return (
    <article className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="no-print flex gap-6 text-sm">
        <Link href={`/${locale}/disclosure`}>{t("disclosure:catalogueTitle")}</Link>
        <Link href={`/${locale}/disclosure/${doc.indexNo}/print`}>{t("disclosure:print.link")}</Link>
      </nav>
      {doc.validity !== "VALID" ? (
        <div role="note" className="border-4 border-brand p-4 font-bold">
          {t(`disclosure:validityBanner.${doc.validity}`, { date: formatDay(locale, doc.validityFrom) })}
        </div>
      ) : null}
      <h1 className="text-center text-2xl font-bold" lang={title.lang === locale ? undefined : title.lang}>
        {title.text}
      </h1>
      <DocumentMeta locale={locale} t={t} doc={doc} />
      <Section id="summary" title={t("disclosure:field.summary")}>
        <p>
          <LocalText locale={locale} zh={doc.summary} />
        </p>
      </Section>
      <Section id="body" title={t("disclosure:body")}>
        {locale === "en" ? <p className="text-sm text-muted">{t("chineseOnly")}</p> : null}
        <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} topLevel={3} />
      </Section>
      {doc.attachments.length ? (
        <Section id="attachments" title={t("attachments")}>
          <ul>
            {doc.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/api/v1/files/${file.id}`}>
                  {t("fileWithSize", { name: file.fileName, size: formatBytes(locale, file.size) })}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
}
