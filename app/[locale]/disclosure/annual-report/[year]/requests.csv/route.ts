import { annualReport } from "@/lib/disclosure/requestQueries";
import { requestTableCsv } from "@/lib/disclosure/reportCsv";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { apiError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** The annual report's request-handling table as CSV. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; year: string }> },
) {
  const { locale, year } = await params;
  if (!isLocale(locale) || !/^(19|20)\d{2}$/.test(year)) return apiError(404, "not_found", "Not found");
  const [t, report] = await Promise.all([getT(locale, ["disclosure"]), annualReport(Number(year))]);
  return new Response(requestTableCsv(report.requests, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="annual-report-${year}-requests.csv"`,
    },
  });
}
