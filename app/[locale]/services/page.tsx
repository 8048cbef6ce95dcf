import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { codeOptions } from "@/lib/i18n/options";
import { enumParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { listServices } from "@/lib/services/queries";
import { allThemes, legalPersonThemes, personThemes } from "@/lib/services/themes";
import { departmentList } from "@/lib/places/queries";
import { FilterForm, FilterSearch } from "@/components/ui/Filters";
import { LocalText } from "@/components/ui/LocalText";
import { ServiceLink } from "@/components/services/ServiceLink";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("services", "services:catalogueTitle");

const audiences = ["PERSON", "LEGAL_PERSON"] as const;

export default async function ServicesPage({ params, searchParams }: Props) {
  const [{ locale, t }, query, departments] = await Promise.all([
    pageT(params, ["services", "catalog"]),
    searchParams,
    departmentList(),
  ]);
  const audience = enumParam(query.audience, audiences);
  const theme = enumParam(query.theme, allThemes);
  const department = enumParam(
    query.department,
    departments.map((d) => d.code),
  );
  const q = param(query.q);
  const services = await listServices({ audience, theme, department, q });
  const themes =
    audience === "LEGAL_PERSON" ? legalPersonThemes : audience === "PERSON" ? personThemes : allThemes;
  const audienceOptions = codeOptions(t, "catalog:audience", audiences);
  const themeOptions = codeOptions(t, "catalog:theme", themes);
  const departmentOptions = departments.map((d) => ({
    value: d.code,
    label: lt(locale, d.shortName, d.nameEn),
  }));

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">
        {audience ? t(`catalog:audience.${audience}`) : t("services:catalogueTitle")}
      </h1>
      <FilterForm
        t={t}
        searched={!!q}
        filters={[
          { name: "audience", label: t("services:audience"), value: audience, options: audienceOptions },
          { name: "theme", label: t("services:theme"), value: theme, options: themeOptions },
          {
            name: "department",
            label: t("services:department"),
            value: department,
            options: departmentOptions,
          },
        ]}
      >
        <FilterSearch id="f-q" label={t("services:keyword")} value={q} />
      </FilterForm>

      <p role="status">{t("services:count", { count: services.length })}</p>
      <ul className="grid gap-3">
        {services.map((service) => (
          <li key={service.code} className="border border-line p-4">
            <h2 className="text-lg font-bold">
              <ServiceLink locale={locale} service={service} />
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
