import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { LocalText } from "@/components/ui/LocalText";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:guide.title") };
}

/** 公开指南 (Art. 12): how information is arranged, how to ask for it, and whom to contact. */
export default async function DisclosureGuidePage({ params }: Props) {
  const locale = await localeParam(params);
  const [t, settings, departments] = await Promise.all([
    getT(locale, ["disclosure", "catalog"]),
    getSiteSettings(),
    departmentList(),
  ]);
  const year = new Date().getFullYear() - 1;
  return (
    <article className="grid max-w-4xl gap-6">
      <h1 className="text-2xl font-bold">{t("disclosure:guide.title")}</h1>
      <Section id="g1" title={t("disclosure:guide.arrangement")}>
        <p>{t("disclosure:guide.arrangementBody")}</p>
        <ul className="mt-2 ml-6 list-disc columns-2">
          {disclosureCategories.map((c) => (
            <li key={c}>{t(`catalog:category.${c}`)}</li>
          ))}
        </ul>
      </Section>
      <Section id="g2" title={t("disclosure:guide.howToAsk")}>
        <ol className="ml-6 grid list-decimal gap-1">
          {["step1", "step2", "step3", "step4"].map((key) => (
            <li key={key}>{t(`disclosure:guide.${key}`)}</li>
          ))}
        </ol>
        <p className="mt-2">
          <Link href={`/${locale}/disclosure/request`}>{t("disclosure:request.title")}</Link>
        </p>
      </Section>
      <Section id="g3" title={t("disclosure:guide.offices")}>
        <p>{t("disclosure:guide.officesIntro", { hotline: settings.hotline })}</p>
        <Table
          caption={t("disclosure:guide.offices")}
          rows={departments}
          rowKey={(d) => d.code}
          columns={[
            {
              key: "office",
              header: t("disclosure:guide.column.office"),
              cell: (d) => <LocalText locale={locale} zh={d.name} en={d.nameEn} />,
            },
            {
              key: "address",
              header: t("disclosure:guide.column.address"),
              cell: (d) => <LocalText locale={locale} zh={d.address} />,
            },
            {
              key: "hours",
              header: t("disclosure:guide.column.hours"),
              cell: (d) => <LocalText locale={locale} zh={d.hours} />,
            },
            { key: "phone", header: t("disclosure:guide.column.phone"), cell: (d) => d.phone },
            { key: "email", header: t("disclosure:guide.column.email"), cell: (d) => d.email },
          ]}
        />
      </Section>
      <p>
        <Link href={`/${locale}/disclosure/annual-report/${year}`}>
          {t("disclosure:report.title", { year })}
        </Link>
      </p>
    </article>
  );
}
