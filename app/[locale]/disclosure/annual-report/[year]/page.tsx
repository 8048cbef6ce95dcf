import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { annualReport } from "@/lib/disclosure/requestQueries";
import { requesterTypes } from "@/lib/disclosure/outcomes";
import type { TColumns } from "@/lib/disclosure/annualReport";

type Props = { params: Promise<{ locale: string; year: string }> };

async function yearOf(params: Props["params"]) {
  const { year } = await params;
  return /^(19|20)\d{2}$/.test(year) ? Number(year) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:report.title", { year: await yearOf(params) }) };
}

const columns = [...requesterTypes, "TOTAL"] as const;

/** 政府信息公开工作年度报告, generated from the system's own data in the six-part format. */
export default async function AnnualReportPage({ params }: Props) {
  const locale = await localeParam(params);
  const year = await yearOf(params);
  if (!year) notFound();
  const [t, report] = await Promise.all([getT(locale, ["disclosure", "catalog"]), annualReport(year)]);
  const cells = (values: TColumns) =>
    columns.map((c) => (
      <td key={c} className="border border-line p-1 text-right">
        {values[c]}
      </td>
    ));
  const { requests, proactive } = report;
  return (
    <article className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("disclosure:report.title", { year })}</h1>
      <section aria-labelledby="p1">
        <h2 id="p1" className="mb-2 text-xl font-bold">
          {t("disclosure:report.part1")}
        </h2>
        <p>
          {t("disclosure:report.overview", {
            year,
            documents: proactive.total,
            requests: requests.newReceived.TOTAL,
            replied: requests.resultsTotal.TOTAL,
          })}
        </p>
      </section>
      <section aria-labelledby="p2">
        <h2 id="p2" className="mb-2 text-xl font-bold">
          {t("disclosure:report.part2")}
        </h2>
        <table className="border-collapse text-sm">
          <caption className="text-left font-bold">{t("disclosure:report.byType")}</caption>
          <thead>
            <tr className="bg-panel">
              <th scope="col" className="border border-line p-1">
                {t("disclosure:field.docType")}
              </th>
              <th scope="col" className="border border-line p-1">
                {t("disclosure:report.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {proactive.byType.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="border border-line p-1 text-left font-normal">
                  {t(`catalog:docType.${row.key}`)}
                </th>
                <td className="border border-line p-1 text-right">{row.count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="border border-line p-1 text-left">
                {t("disclosure:report.total")}
              </th>
              <td className="border border-line p-1 text-right">{proactive.total}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2">{t("disclosure:report.ended", { count: proactive.ended })}</p>
        <p>
          <a href={`/${locale}/disclosure/annual-report/${year}/documents.csv`}>
            {t("disclosure:report.csv")}
          </a>
        </p>
      </section>
      <section aria-labelledby="p3" className="grid gap-2">
        <h2 id="p3" className="text-xl font-bold">
          {t("disclosure:report.part3")}
        </h2>
        <p>
          <a href={`/${locale}/disclosure/annual-report/${year}/requests.csv`}>
            {t("disclosure:report.csv")}
          </a>
        </p>
        <div className="overflow-x-auto">
          <table className="border-collapse text-sm">
            <thead>
              <tr className="bg-panel">
                <td className="border border-line p-1" />
                {columns.map((c) => (
                  <th key={c} scope="col" className="border border-line p-1">
                    {t(`disclosure:report.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="border border-line p-1 text-left">
                  {t("disclosure:report.newReceived")}
                </th>
                {cells(requests.newReceived)}
              </tr>
              <tr>
                <th scope="row" className="border border-line p-1 text-left">
                  {t("disclosure:report.carriedIn")}
                </th>
                {cells(requests.carriedIn)}
              </tr>
              {requests.results.map((row) => (
                <tr key={`${row.category}/${row.sub}`}>
                  <th scope="row" className="border border-line p-1 text-left font-normal">
                    {t(`disclosure:outcome.${row.category}`)}
                    {row.sub ? ` / ${t(`disclosure:outcomeSub.${row.sub}`)}` : ""}
                  </th>
                  {cells(row.columns)}
                </tr>
              ))}
              <tr>
                <th scope="row" className="border border-line p-1 text-left">
                  {t("disclosure:report.resultsTotal")}
                </th>
                {cells(requests.resultsTotal)}
              </tr>
              <tr>
                <th scope="row" className="border border-line p-1 text-left">
                  {t("disclosure:report.carriedOut")}
                </th>
                {cells(requests.carriedOut)}
              </tr>
            </tbody>
          </table>
        </div>
        <p role="status" data-testid="balance">
          {requests.balanced ? t("disclosure:report.balanced") : t("disclosure:report.unbalanced")}
        </p>
      </section>
      <section aria-labelledby="p4">
        <h2 id="p4" className="mb-2 text-xl font-bold">
          {t("disclosure:report.part4")}
        </h2>
        <p>{t("disclosure:report.part4Body")}</p>
      </section>
      <section aria-labelledby="p5">
        <h2 id="p5" className="mb-2 text-xl font-bold">
          {t("disclosure:report.part5")}
        </h2>
        <p>{t("disclosure:report.part5Body")}</p>
      </section>
      <section aria-labelledby="p6">
        <h2 id="p6" className="mb-2 text-xl font-bold">
          {t("disclosure:report.part6")}
        </h2>
        <p>{t("disclosure:report.part6Body")}</p>
      </section>
      <p>
        <Link href={`/${locale}/disclosure`}>{t("disclosure:catalogueTitle")}</Link>
      </p>
    </article>
  );
}
