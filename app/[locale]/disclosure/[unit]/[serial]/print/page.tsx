import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText, lt } from "@/lib/i18n/content";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getDocument } from "@/lib/disclosure/queries";
import { getSiteSettings } from "@/lib/settings/queries";
import { Markdown } from "@/components/ui/Markdown";

type Props = { params: Promise<{ locale: string; unit: string; serial: string }> };

async function load(params: Props["params"]) {
  const { unit, serial } = await params;
  if (!/^[A-Z]{2,10}$/.test(unit) || !/^\d{4}-\d{5}$/.test(serial)) return null;
  return getDocument(`${unit}/${serial}`);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const doc = await load(params);
  return { title: doc ? lt(locale, doc.title, doc.titleEn) : undefined, robots: { index: false } };
}

/** The print view: the metadata block and full text only (the site's header and footer are not printed). */
export default async function DocumentPrintPage({ params }: Props) {
  const locale = await localeParam(params);
  const doc = await load(params);
  if (!doc) notFound();
  const [t, settings] = await Promise.all([getT(locale, ["disclosure", "catalog"]), getSiteSettings()]);
  const title = localText(locale, doc.title, doc.titleEn);
  const body = localText(locale, doc.body);
  const rows: [string, string][] = [
    [t("disclosure:field.indexNo"), doc.indexNo],
    [t("disclosure:field.category"), t(`catalog:category.${doc.category}`)],
    [t("disclosure:field.department"), lt(locale, doc.department.name, doc.department.nameEn)],
    [t("disclosure:field.writtenOn"), formatDay(locale, doc.writtenOn)],
    [t("disclosure:field.docNumber"), doc.docNumber ? lt(locale, doc.docNumber) : t("none")],
    [t("disclosure:field.publishedAt"), formatDate(locale, doc.publishedAt)],
    [t("disclosure:field.keywords"), lt(locale, doc.keywords)],
    [t("disclosure:field.validity"), t(`catalog:validity.${doc.validity}`)],
  ];
  return (
    <article className="mx-auto grid max-w-3xl gap-4">
      <p className="no-print border-l-4 border-brand pl-3">{t("disclosure:print.hint")}</p>
      <p className="text-center text-sm">{lt(locale, settings.siteName.zh, settings.siteName.en)}</p>
      <table className="w-full border-collapse text-sm">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="w-32 border border-ink p-1 text-left">
                {label}
              </th>
              <td className="border border-ink p-1">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
