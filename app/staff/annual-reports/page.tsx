import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { reportYear } from "@/lib/disclosure/annualReport";
import { cityScope, keptScopes, reportForKeeper } from "@/lib/disclosure/annualReports";
import { figureFields, flattenFigures } from "@/lib/disclosure/reportFigures";
import { chinaDay } from "@/lib/calendar/workdays";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { publish, saveFigures } from "./actions";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:national.staffTitle");

/**
 * The annual report's figures the portal does not hold (part two's fixed table, part four's
 * 复议/诉讼 table, parts five and six), entered by the report's keepers, then published (frozen).
 */
export default async function AnnualReportsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const query = await searchParams;
  const year = reportYear(param(query.year, 4) ?? "") ?? Number(chinaDay(new Date()).slice(0, 4)) - 1;
  const scopes = keptScopes(actor);
  const scope = param(query.scope, 10) ?? (scopes ? (scopes[0] ?? cityScope) : cityScope);
  const [t, report] = await Promise.all([
    getT(defaultLocale, ["disclosure", "errors", "staff"]),
    orNotFound(reportForKeeper({ actor, year, scope })),
  ]);
  const label = (field: string) => {
    const [part, row, column] = field.split(".");
    if (part === "problems") return t("disclosure:report.part5");
    if (part === "other") return t("disclosure:report.part6");
    if (part === "part4")
      return `${t(`disclosure:national.row.${row}`)} · ${t(`disclosure:national.outcome.${column}`)}`;
    if (column) return `${t(`disclosure:national.${row}`)} · ${t(`disclosure:national.rule.${column}`)}`;
    return t(`disclosure:national.${row === "feesTenThousandYuan" ? "feesField" : row}`);
  };
  const which = { year: String(year), scope };
  return (
    <StaffPage
      title={t("disclosure:national.staffHeading", {
        year,
        scope: scope === cityScope ? t("disclosure:national.city") : scope,
      })}
      status={
        query.done
          ? t(`disclosure:national.done.${query.done === "published" ? "published" : "saved"}`)
          : null
      }
    >
      <p className="max-w-3xl">{t("disclosure:national.staffIntro")}</p>
      {report.published ? (
        <p role="status">
          {t("disclosure:national.frozen", { date: formatDate(defaultLocale, report.publishedAt) })}{" "}
          <a href={`/zh-Hans/disclosure/annual-report/${year}/report.csv?scope=${scope}`}>
            {t("disclosure:national.download")}
          </a>
        </p>
      ) : (
        <>
          <FormSection
            id="figures"
            title={t("disclosure:national.figuresTitle")}
            action={saveFigures}
            hidden={which}
            initialValues={flattenFigures(report.figures)}
            fields={figureFields.map((name) =>
              // parts five and six are prose; every other figure is a number
              name === "problems" || name === "other"
                ? field.textarea(name, label(name), 4)
                : field.text(name, label(name), "off"),
            )}
            submitLabel={t("disclosure:national.save")}
          />
          <FormSection
            id="publish"
            title={t("disclosure:national.publishTitle")}
            intro={t("disclosure:national.publishIntro")}
            action={publish}
            hidden={which}
            fields={[]}
            submitLabel={t("disclosure:national.publish")}
          />
        </>
      )}
    </StaffPage>
  );
}
