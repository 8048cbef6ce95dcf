import { annualReport } from "@/lib/disclosure/requestQueries";
import { proactiveTableCsv } from "@/lib/disclosure/reportCsv";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { apiError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** The annual report's proactive-disclosure table as CSV. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; year: string }> },
) {
  const { locale, year } = await params;
  if (!isLocale(locale) || !/^(19|20)\d{2}$/.test(year)) return apiError(404, "not_found", "Not found");
  const [t, report] = await Promise.all([
    getT(locale, ["disclosure", "catalog"]),
    annualReport(Number(year)),
  ]);
  return new Response(proactiveTableCsv(report.proactive, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="annual-report-${year}-documents.csv"`,
    },
  });
}
