import type { TFunction } from "i18next";
import { Link } from "@/components/ui/Link";
import type { TLocale } from "@/lib/i18n/settings";
import { LocalText } from "../ui/LocalText";
import { Section } from "../ui/Section";

type TLinked = { indexNo: string; title: string; titleEn: string | null };

/**
 * 政策解读 ↔ 原文 on a document's public page: the original an interpretation interprets, and the
 * interpretations of an original (only published ones reach here).
 */
export function InterpretationLinks({
  locale,
  t,
  doc,
}: {
  locale: TLocale;
  t: TFunction;
  doc: { interprets: TLinked | null; interpretations: TLinked[] };
}) {
  const link = (d: TLinked) => (
    <Link href={`/${locale}/disclosure/${d.indexNo}`}>
      <LocalText locale={locale} zh={d.title} en={d.titleEn} />
    </Link>
  );
  return (
    <>
      {doc.interprets ? (
        <Section id="original" title={t("disclosure:interpretation.original")}>
          <p>
            {t("disclosure:interpretation.originalIntro")} {link(doc.interprets)}
          </p>
        </Section>
      ) : null}
      {doc.interpretations.length ? (
        <Section id="interpretations" title={t("disclosure:interpretation.interpretations")}>
          <p>{t("disclosure:interpretation.interpretationsIntro")}</p>
          <ul className="ml-6 list-disc">
            {doc.interpretations.map((d) => (
              <li key={d.indexNo}>{link(d)}</li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
