import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { annualReport, reportYear, type TColumns } from "@/lib/disclosure/annualReport";
import { requesterTypes } from "@/lib/disclosure/outcomes";
import { cityScope, publishedReports } from "@/lib/disclosure/annualReports";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ locale: string; year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:report.title", { year: reportYear((await params).year) }) };
}

const columns = [...requesterTypes, "TOTAL"] as const;
const cell = "border border-line p-1";
const rowHeader = `${cell} text-left`;

/** 政府信息公开工作年度报告, generated from the system's own data in the six-part format. */
export default async function AnnualReportPage({ params }: Props) {
  const locale = await localeParam(params);
  const year = reportYear((await params).year);
  if (!year) notFound();
  const [t, report, published] = await Promise.all([
    getT(locale, ["disclosure", "catalog"]),
    annualReport({ year }),
    publishedReports({ year }),
  ]);
  const cells = (values: TColumns) =>
    columns.map((c) => (
      <td key={c} className={`${cell} text-right`}>
        {values[c]}
      </td>
    ));
  const { requests, proactive } = report;
  const csvLink = (table: "requests" | "documents") => (
    <p>
      <a href={`/${locale}/disclosure/annual-report/${year}/${table}.csv`}>{t("disclosure:report.csv")}</a>
    </p>
  );
  const sumRow = (key: "newReceived" | "carriedIn" | "resultsTotal" | "carriedOut") => (
    <tr key={key}>
      <th scope="row" className={rowHeader}>
        {t(`disclosure:report.${key}`)}
      </th>
      {cells(requests[key])}
    </tr>
  );
  return (
    <article className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("disclosure:report.title", { year })}</h1>
      {published.length ? (
        <Section id="published" title={t("disclosure:national.published")}>
          <ul className="ml-6 list-disc">
            {published.map((row) => (
              <li key={row.scope}>
                <a href={`/${locale}/disclosure/annual-report/${year}/report.csv?scope=${row.scope}`}>
                  {t("disclosure:national.download")} ·{" "}
                  {row.scope === cityScope ? t("disclosure:national.city") : row.scope}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="p1" title={t("disclosure:report.part1")}>
        <p>
          {t("disclosure:report.overview", {
            year,
            documents: proactive.total,
            requests: requests.newReceived.TOTAL,
            replied: requests.resultsTotal.TOTAL,
          })}
        </p>
      </Section>
      <Section id="p2" title={t("disclosure:report.part2")}>
        <table className="border-collapse text-sm">
          <caption className="text-left font-bold">{t("disclosure:report.byType")}</caption>
          <thead>
            <tr className="bg-panel">
              <th scope="col" className={cell}>
                {t("disclosure:field.docType")}
              </th>
              <th scope="col" className={cell}>
                {t("disclosure:report.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {proactive.byType.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={`${rowHeader} font-normal`}>
                  {t(`catalog:docType.${row.key}`)}
                </th>
                <td className={`${cell} text-right`}>{row.count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={rowHeader}>
                {t("disclosure:report.total")}
              </th>
              <td className={`${cell} text-right`}>{proactive.total}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2">{t("disclosure:report.ended", { count: proactive.ended })}</p>
        {csvLink("documents")}
      </Section>
      <Section id="p3" title={t("disclosure:report.part3")} className="grid gap-2">
        {csvLink("requests")}
        <div className="overflow-x-auto">
          <table className="border-collapse text-sm">
            <thead>
              <tr className="bg-panel">
                <td className={cell} />
                {columns.map((c) => (
                  <th key={c} scope="col" className={cell}>
                    {t(`disclosure:report.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sumRow("newReceived")}
              {sumRow("carriedIn")}
              {requests.results.map((row) => (
                <tr key={`${row.category}/${row.sub}`}>
                  <th scope="row" className={`${rowHeader} font-normal`}>
                    {t(`disclosure:outcome.${row.category}`)}
                    {row.sub ? ` / ${t(`disclosure:outcomeSub.${row.sub}`)}` : ""}
                  </th>
                  {cells(row.columns)}
                </tr>
              ))}
              {sumRow("resultsTotal")}
              {sumRow("carriedOut")}
            </tbody>
          </table>
        </div>
        <p role="status" data-testid="balance">
          {requests.balanced ? t("disclosure:report.balanced") : t("disclosure:report.unbalanced")}
        </p>
      </Section>
      {(["part4", "part5", "part6"] as const).map((part) => (
        <Section key={part} id={`p${part.slice(-1)}`} title={t(`disclosure:report.${part}`)}>
          <p>{t(`disclosure:report.${part}Body`)}</p>
        </Section>
      ))}
      <p>
        <Link href={`/${locale}/disclosure`}>{t("disclosure:catalogueTitle")}</Link>
      </p>
    </article>
  );
}
