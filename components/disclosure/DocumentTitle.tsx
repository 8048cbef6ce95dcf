import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDay } from "@/lib/i18n/format";
import { LocalText } from "../ui/LocalText";

/**
 * A document's title, after a warning when it is no longer in force (失效 / 废止, and since
 * when): framed on the page, plain bold on the printed copy.
 */
export function DocumentTitle({
  locale,
  t,
  doc,
  print,
}: {
  locale: TLocale;
  t: TFunction;
  doc: { title: string; titleEn: string | null; validity: string; validityFrom: Date | null };
  print?: boolean;
}) {
  return (
    <>
      {doc.validity !== "VALID" ? (
        <p role="note" className={`font-bold ${print ? "" : "border-4 border-brand p-4"}`}>
          {t(`disclosure:validityBanner.${doc.validity}`, { date: formatDay(locale, doc.validityFrom) })}
        </p>
      ) : null}
      <h1 className="text-center text-2xl font-bold">
        <LocalText locale={locale} zh={doc.title} en={doc.titleEn} />
      </h1>
    </>
  );
}
