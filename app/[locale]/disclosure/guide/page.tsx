import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { Section } from "@/components/ui/Section";
import { MoreLink } from "@/components/ui/MoreLink";
import { TextList } from "@/components/ui/TextList";
import { DepartmentTable } from "@/components/places/DepartmentTable";

export const generateMetadata = pageMetadata("disclosure", "disclosure:guide.title");

/** 公开指南 (Art. 12): how information is arranged, how to ask for it, and whom to contact. */
export default async function DisclosureGuidePage({ params }: TLocaleProps) {
  const [{ locale, t }, settings, departments] = await Promise.all([
    pageT(params, ["disclosure", "catalog"]),
    getSiteSettings(),
    departmentList(),
  ]);
  const year = new Date().getFullYear() - 1;
  return (
    <article className="grid max-w-4xl gap-6">
      <h1 className="text-2xl font-bold">{t("disclosure:guide.title")}</h1>
      <Section id="g1" title={t("disclosure:guide.arrangement")}>
        <p>{t("disclosure:guide.arrangementBody")}</p>
        <TextList
          className="mt-2 ml-6 list-disc columns-2"
          items={disclosureCategories.map((c) => t(`catalog:category.${c}`))}
        />
      </Section>
      <Section id="g2" title={t("disclosure:guide.howToAsk")}>
        <TextList
          numbered
          items={["step1", "step2", "step3", "step4"].map((key) => t(`disclosure:guide.${key}`))}
        />
        <MoreLink href={`/${locale}/disclosure/request`}>{t("disclosure:request.title")}</MoreLink>
      </Section>
      <Section id="g3" title={t("disclosure:guide.offices")}>
        <p>{t("disclosure:guide.officesIntro", { hotline: settings.hotline })}</p>
        <DepartmentTable
          locale={locale}
          t={t}
          departments={departments}
          caption={t("disclosure:guide.offices")}
        />
      </Section>
      <MoreLink href={`/${locale}/disclosure/annual-report/${year}`}>
        {t("disclosure:report.title", { year })}
      </MoreLink>
    </article>
  );
}
