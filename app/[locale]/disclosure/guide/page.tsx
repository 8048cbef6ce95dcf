import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { LocalText } from "@/components/ui/LocalText";

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
      <section aria-labelledby="g1">
        <h2 id="g1" className="mb-2 text-xl font-bold">
          {t("disclosure:guide.arrangement")}
        </h2>
        <p>{t("disclosure:guide.arrangementBody")}</p>
        <ul className="mt-2 ml-6 list-disc columns-2">
          {disclosureCategories.map((c) => (
            <li key={c}>{t(`catalog:category.${c}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="g2">
        <h2 id="g2" className="mb-2 text-xl font-bold">
          {t("disclosure:guide.howToAsk")}
        </h2>
        <ol className="ml-6 grid list-decimal gap-1">
          {["step1", "step2", "step3", "step4"].map((key) => (
            <li key={key}>{t(`disclosure:guide.${key}`)}</li>
          ))}
        </ol>
        <p className="mt-2">
          <Link href={`/${locale}/disclosure/request`}>{t("disclosure:request.title")}</Link>
        </p>
      </section>
      <section aria-labelledby="g3">
        <h2 id="g3" className="mb-2 text-xl font-bold">
          {t("disclosure:guide.offices")}
        </h2>
        <p>{t("disclosure:guide.officesIntro", { hotline: settings.hotline })}</p>
        <table className="mt-2 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="bg-panel">
              {["office", "address", "hours", "phone", "email"].map((key) => (
                <th key={key} scope="col" className="border border-line p-2">
                  {t(`disclosure:guide.column.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.code}>
                <th scope="row" className="border border-line p-2 font-normal">
                  <LocalText locale={locale} zh={d.name} en={d.nameEn} />
                </th>
                <td className="border border-line p-2">
                  <LocalText locale={locale} zh={d.address} />
                </td>
                <td className="border border-line p-2">
                  <LocalText locale={locale} zh={d.hours} />
                </td>
                <td className="border border-line p-2">{d.phone}</td>
                <td className="border border-line p-2">{d.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <Link href={`/${locale}/disclosure/annual-report/${year}`}>
          {t("disclosure:report.title", { year })}
        </Link>
      </p>
    </article>
  );
}
