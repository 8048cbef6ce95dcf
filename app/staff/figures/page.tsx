import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDay } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { caseFigures } from "@/lib/cases/figures";
import { Section } from "@/components/ui/Section";
import { caseStatuses } from "@/lib/cases/caseWorkflow";
import { BarChart } from "@/components/charts/BarChart";
import { UnconfirmedRequests } from "@/components/disclosure/UnconfirmedRequests";

export const generateMetadata = staffPageMetadata("figures", "figures:title");

/** The supervisor's figures: volumes by status, on-time rate, days to decide, rating mix, overdue list. */
export default async function FiguresPage() {
  const actor = await requireStaff();
  const figures = await orNotFound(caseFigures({ actor }));
  const locale = defaultLocale;
  const t = await getT(locale, ["figures", "account", "staff", "disclosure"]);
  const percent = new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });
  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-bold">{t("figures:title")}</h1>
      <UnconfirmedRequests actor={actor} t={t} />
      <dl className="grid gap-4 md:grid-cols-3">
        <div className="border border-line p-4">
          <dt>{t("figures:onTimeRate")}</dt>
          <dd className="text-3xl font-bold" data-testid="on-time-rate">
            {figures.onTimeRate === null ? t("figures:none") : percent.format(figures.onTimeRate)}
          </dd>
          <dd className="text-sm text-muted">
            {t("figures:onTimeDetail", { onTime: figures.onTime, decided: figures.decided })}
          </dd>
        </div>
        <div className="border border-line p-4">
          <dt>{t("figures:averageDays")}</dt>
          <dd className="text-3xl font-bold" data-testid="average-days">
            {figures.averageDaysToDecide === null
              ? t("figures:none")
              : number.format(figures.averageDaysToDecide)}
          </dd>
        </div>
        <div className="border border-line p-4">
          <dt>{t("figures:overdueCount")}</dt>
          <dd className="text-3xl font-bold">{figures.overdue.length}</dd>
        </div>
      </dl>
      <BarChart
        title={t("figures:byStatus")}
        itemLabel={t("account:status")}
        valueLabel={t("figures:cases")}
        rows={caseStatuses.map((s) => ({ label: t(`account:caseStatus.${s}`), value: figures.byStatus[s] }))}
      />
      <BarChart
        title={t("figures:ratingMix")}
        itemLabel={t("staff:ratingLevel")}
        valueLabel={t("figures:ratings")}
        rows={([5, 4, 3, 2, 1] as const).map((level) => ({
          label: t(`account:rating.${level}`),
          value: figures.ratings[level],
        }))}
      />
      <Section id="overdue" title={t("figures:overdueList")}>
        {figures.overdue.length === 0 ? (
          <p>{t("figures:noOverdue")}</p>
        ) : (
          <ul className="ml-6 list-disc">
            {figures.overdue.map((row) => (
              <li key={row.trackingNumber}>
                <Link href={`/staff/cases/${row.trackingNumber}`}>{row.trackingNumber}</Link> ·{" "}
                {row.serviceName} · {t(`account:caseStatus.${row.status}`)} ·{" "}
                {formatDay(locale, row.promisedDue)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
