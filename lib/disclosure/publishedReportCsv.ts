import "server-only";
import type { TFunction } from "i18next";
import { csvField } from "../shared/csv";
import { requesterTypes } from "./outcomes";
import type { TPublishedReport } from "./annualReports";
import { outcomeColumns, part4Rows, ruleColumns } from "./reportFigures";

const columns = [...requesterTypes, "TOTAL"] as const;

/**
 * A published annual report as one CSV file (UTF-8 with BOM), read from its frozen snapshot:
 * the six parts in the national format's order, tables as in the format.
 */
export function publishedReportCsv(report: TPublishedReport, t: TFunction): string {
  const lines: string[][] = [];
  const f = report.figures;
  const k = (key: string) => t(`disclosure:national.${key}`);
  lines.push([t("disclosure:report.title", { year: report.year })], [report.issuer]);
  lines.push([], [t("disclosure:report.part1")]);
  lines.push([t("disclosure:national.overview", { year: report.year, ...report.part1 })]);
  lines.push([], [t("disclosure:report.part2")]);
  lines.push([k("item1"), ...ruleColumns.map((c) => k(`rule.${c}`))]);
  lines.push([k("regulations"), ...ruleColumns.map((c) => String(f.part2.regulations[c]))]);
  lines.push([k("normativeDocuments"), ...ruleColumns.map((c) => String(f.part2.normativeDocuments[c]))]);
  lines.push([k("item5"), k("decisions")], [k("licensing"), String(f.part2.licensing)]);
  lines.push([k("item6"), k("decisions")], [k("punishment"), String(f.part2.punishment)]);
  lines.push([k("enforcement"), String(f.part2.enforcement)]);
  lines.push([k("item8"), k("feesAmount")], [k("fees"), String(f.part2.feesTenThousandYuan)]);
  lines.push([], [t("disclosure:report.part3")]);
  lines.push(["", ...columns.map((c) => t(`disclosure:report.column.${c}`))]);
  const row = (label: string, values: Record<string, number>) => [
    label,
    ...columns.map((c) => String(values[c])),
  ];
  const p3 = report.part3;
  lines.push(row(t("disclosure:report.newReceived"), p3.newReceived));
  lines.push(row(t("disclosure:report.carriedIn"), p3.carriedIn));
  for (const r of p3.results)
    lines.push(
      row(
        r.sub
          ? `${t(`disclosure:outcome.${r.category}`)} / ${t(`disclosure:outcomeSub.${r.sub}`)}`
          : t(`disclosure:outcome.${r.category}`),
        r.columns,
      ),
    );
  lines.push(row(t("disclosure:report.resultsTotal"), p3.resultsTotal));
  lines.push(row(t("disclosure:report.carriedOut"), p3.carriedOut));
  lines.push([], [t("disclosure:report.part4")]);
  lines.push(["", ...outcomeColumns.map((c) => k(`outcome.${c}`))]);
  for (const r of part4Rows) lines.push([k(`row.${r}`), ...outcomeColumns.map((c) => String(f.part4[r][c]))]);
  lines.push([], [t("disclosure:report.part5")], [f.problems]);
  lines.push([], [t("disclosure:report.part6")], [f.other]);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}
