import "server-only";
import type { TFunction } from "i18next";
import { csvField } from "../shared/csv";
import { requesterTypes } from "./outcomes";
import { proactiveTable, requestTable, type TColumns, type TRequestTable } from "./annualReport";
import { getT } from "../i18n/server";
import type { TLocale } from "../i18n/settings";
import type { TDbOption } from "../db/client";

const columns = [...requesterTypes, "TOTAL"] as const;

/** The request-handling table as CSV (UTF-8 with BOM), rows and columns as on the page. */
function requestTableCsv(table: TRequestTable, t: TFunction): string {
  const row = (label: string, values: TColumns) =>
    [label, ...columns.map((c) => String(values[c]))].map(csvField).join(",");
  const header = ["", ...columns.map((c) => t(`disclosure:report.column.${c}`))].map(csvField).join(",");
  const lines = [
    header,
    row(t("disclosure:report.newReceived"), table.newReceived),
    row(t("disclosure:report.carriedIn"), table.carriedIn),
    ...table.results.map((r) =>
      row(
        r.sub
          ? `${t(`disclosure:outcome.${r.category}`)} / ${t(`disclosure:outcomeSub.${r.sub}`)}`
          : t(`disclosure:outcome.${r.category}`),
        r.columns,
      ),
    ),
    row(t("disclosure:report.resultsTotal"), table.resultsTotal),
    row(t("disclosure:report.carriedOut"), table.carriedOut),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The proactive-disclosure table (by 体裁) as CSV. */
function proactiveTableCsv(
  table: { total: number; byType: { key: string; count: number }[] },
  t: TFunction,
): string {
  const lines = [
    [t("disclosure:field.docType"), t("disclosure:report.count")],
    ...table.byType.map((row) => [t(`catalog:docType.${row.key}`), String(row.count)]),
    [t("disclosure:report.total"), String(table.total)],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** One table of a year's annual report as a CSV file: the requests handled, or the documents published. */
export async function annualReportCsv(
  input: { year: number; table: "requests" | "documents"; locale: TLocale } & TDbOption,
): Promise<{ fileName: string; body: string }> {
  const fileName = `annual-report-${input.year}-${input.table}.csv`;
  if (input.table === "requests") {
    const [t, table] = await Promise.all([getT(input.locale, ["disclosure"]), requestTable(input)]);
    return { fileName, body: requestTableCsv(table, t) };
  }
  const [t, table] = await Promise.all([
    getT(input.locale, ["disclosure", "catalog"]),
    proactiveTable(input),
  ]);
  return { fileName, body: proactiveTableCsv(table, t) };
}
