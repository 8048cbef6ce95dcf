import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay, isoDay } from "@/lib/i18n/format";
import { LocalText } from "../ui/LocalText";
import { DefinitionList } from "../ui/DefinitionList";

type TDocumentMetaView = {
  indexNo: string;
  category: string;
  docType: string;
  docNumber: string | null;
  keywords: string;
  source: string;
  validity: string;
  writtenOn: Date;
  publishedAt: Date | null;
  department: { name: string; nameEn: string };
};

/**
 * A document's metadata block (索引号, 主题分类, 发布机构, 成文日期, 发布日期, 文号, 体裁, 主题词,
 * 效力, 来源): a panel on the page, a ruled table on the printed copy.
 */
export function DocumentMeta({
  locale,
  t,
  doc,
  print,
}: {
  locale: TLocale;
  t: TFunction;
  doc: TDocumentMetaView;
  print?: boolean;
}) {
  const zh = (text: string) => <LocalText locale={locale} zh={text} />;
  const rows: [string, ReactNode][] = [
    [t("disclosure:field.indexNo"), doc.indexNo],
    [t("disclosure:field.category"), t(`catalog:category.${doc.category}`)],
    [
      t("disclosure:field.department"),
      <LocalText key="department" locale={locale} zh={doc.department.name} en={doc.department.nameEn} />,
    ],
    [
      t("disclosure:field.writtenOn"),
      <time key="writtenOn" dateTime={isoDay(doc.writtenOn)}>
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
  if (print)
    return (
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
    );
  return (
    <DefinitionList
      className="grid gap-x-6 border border-line bg-panel p-4 md:grid-cols-2"
      rowClassName="grid grid-cols-[8rem_1fr] gap-2 py-1"
      items={rows}
    />
  );
}
