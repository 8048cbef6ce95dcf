import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatBytes, formatDate, formatDay, isoDay } from "@/lib/i18n/format";
import { getDocument } from "@/lib/disclosure/queries";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

/** 索引号 {unit code}/{YYYY}-{NNNNN}: anything else is not a document (404, never a 500). */
async function load(params: Props["params"]) {
  const { unit, serial } = await params;
  if (!/^[A-Z]{2,10}$/.test(unit) || !/^\d{4}-\d{5}$/.test(serial)) return null;
  return getDocument(`${unit}/${serial}`);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await load(params);
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined };
}

export default async function DocumentPage({ params }: Props) {
  const locale = await localeParam(params);
  const doc = await load(params);
  if (!doc) notFound();
  const t = await getT(locale, ["disclosure", "catalog"]);
  const title = localText(locale, doc.title, doc.titleEn);
  const body = localText(locale, doc.body);
  const zh = (text: string) => <LocalText locale={locale} zh={text} />;
  const meta: [string, React.ReactNode][] = [
    [t("disclosure:field.indexNo"), doc.indexNo],
    [t("disclosure:field.category"), t(`catalog:category.${doc.category}`)],
    [
      t("disclosure:field.department"),
      <LocalText key="d" locale={locale} zh={doc.department.name} en={doc.department.nameEn} />,
    ],
    [
      t("disclosure:field.writtenOn"),
      <time key="w" dateTime={isoDay(doc.writtenOn)}>
        {formatDay(locale, doc.writtenOn)}
      </time>,
    ],
    [t("disclosure:field.publishedAt"), formatDate(locale, doc.publishedAt)],
    [t("disclosure:field.docNumber"), doc.docNumber ? zh(doc.docNumber) : t("none")],
    [t("disclosure:field.docType"), t(`catalog:docType.${doc.docType}`)],
    [t("disclosure:field.keywords"), zh(doc.keywords)],
    [t("disclosure:field.validity"), t(`catalog:validity.${doc.validity}`)],
    [t("disclosure:field.source"), zh(doc.source)],
  ];

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
      <dl className="grid gap-x-6 border border-line bg-panel p-4 md:grid-cols-2">
        {meta.map(([term, value]) => (
          <div key={term} className="grid grid-cols-[8rem_1fr] gap-2 py-1">
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="summary">
        <h2 id="summary" className="text-xl font-bold">
          {t("disclosure:field.summary")}
        </h2>
        <p className="mt-2">{zh(doc.summary)}</p>
      </section>
      <section aria-labelledby="body">
        <h2 id="body" className="text-xl font-bold">
          {t("disclosure:body")}
        </h2>
        {locale === "en" ? <p className="text-sm text-muted">{t("chineseOnly")}</p> : null}
        <Markdown source={body.text} lang={body.lang === locale ? undefined : body.lang} topLevel={3} />
      </section>
      {doc.attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments" className="text-xl font-bold">
            {t("attachments")}
          </h2>
          <ul>
            {doc.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/api/v1/files/${file.id}`}>
                  {t("fileWithSize", { name: file.fileName, size: formatBytes(locale, file.size) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
