import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { enumParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { listServices } from "@/lib/services/queries";
import { allThemes, legalPersonThemes, personThemes } from "@/lib/services/themes";
import { departmentList } from "@/lib/places/queries";
import { Field, inputClass } from "@/components/ui/Field";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "services");
  return { title: t("services:catalogueTitle") };
}

export default async function ServicesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const audience = enumParam(query.audience, ["PERSON", "LEGAL_PERSON"] as const);
  const theme = enumParam(query.theme, allThemes);
  const departments = await departmentList();
  const department = enumParam(
    query.department,
    departments.map((d) => d.code),
  );
  const q = param(query.q);
  const [t, services] = await Promise.all([
    getT(locale, ["services", "catalog"]),
    listServices({ audience, theme, department, q }),
  ]);
  const themes =
    audience === "LEGAL_PERSON" ? legalPersonThemes : audience === "PERSON" ? personThemes : allThemes;

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">
        {audience ? t(`catalog:audience.${audience}`) : t("services:catalogueTitle")}
      </h1>
      <form
        method="get"
        className="grid items-end gap-4 bg-panel p-4 md:grid-cols-5"
        aria-label={t("filters")}
      >
        <Field id="f-q" label={t("services:keyword")}>
          <input id="f-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </Field>
        <Field id="f-audience" label={t("services:audience")}>
          <select id="f-audience" name="audience" defaultValue={audience ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            <option value="PERSON">{t("catalog:audience.PERSON")}</option>
            <option value="LEGAL_PERSON">{t("catalog:audience.LEGAL_PERSON")}</option>
          </select>
        </Field>
        <Field id="f-theme" label={t("services:theme")}>
          <select id="f-theme" name="theme" defaultValue={theme ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {themes.map((code) => (
              <option key={code} value={code}>
                {t(`catalog:theme.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-department" label={t("services:department")}>
          <select id="f-department" name="department" defaultValue={department ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {lt(locale, d.shortName, d.nameEn)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="min-h-10 bg-brand px-4 py-2 font-bold text-white">
          {t("applyFilters")}
        </button>
      </form>

      <p role="status">{t("services:count", { count: services.length })}</p>
      <ul className="grid gap-3">
        {services.map((service) => (
          <li key={service.code} className="border border-line p-4">
            <h2 className="text-lg font-bold">
              <Link href={`/${locale}/services/${service.code}`}>
                <LocalText locale={locale} zh={service.name} en={service.nameEn} />
              </Link>
            </h2>
            <p className="flex flex-wrap gap-x-4 text-sm text-muted">
              <span>
                {t("services:code")}: {service.code}
              </span>
              <span>
                <LocalText locale={locale} zh={service.department.shortName} en={service.department.nameEn} />
              </span>
              <span>{t(`catalog:serviceType.${service.type}`)}</span>
              <span>
                {service.visits === 0
                  ? t("services:fullyOnline")
                  : t("services:visits", { count: service.visits })}
              </span>
              {service.hot ? <strong className="text-brand">{t("services:hot")}</strong> : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
