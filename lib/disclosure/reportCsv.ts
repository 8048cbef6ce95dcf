import type { TFunction } from "i18next";
import { csvField } from "../shared/csv";
import { requesterTypes } from "./outcomes";
import type { TColumns, TRequestTable } from "./annualReport";

const columns = [...requesterTypes, "TOTAL"] as const;

/** The request-handling table as CSV (UTF-8 with BOM), rows and columns as on the page. */
export function requestTableCsv(table: TRequestTable, t: TFunction): string {
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
export function proactiveTableCsv(
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
