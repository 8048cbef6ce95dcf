import { reportYear } from "@/lib/disclosure/annualReport";
import { cityScope, publishedReport } from "@/lib/disclosure/annualReports";
import { publishedReportCsv } from "@/lib/disclosure/publishedReportCsv";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { apiError } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

/** A published annual report (the city's, or `?scope=` a department's), exactly as published. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; year: string }> },
) {
  const { locale, year: value } = await params;
  const year = reportYear(value);
  const scope = new URL(request.url).searchParams.get("scope") ?? cityScope;
  if (!isLocale(locale) || !year || !/^[A-Z]{2,10}$/.test(scope))
    return apiError(404, "not_found", "Not found");
  const report = await publishedReport({ year, scope });
  if (!report) return apiError(404, "not_found", "Not found");
  const t = await getT(locale, ["disclosure"]);
  return new Response(publishedReportCsv(report, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `annual-report-${year}-${scope}.csv`),
    },
  });
}
