import { reportYear } from "@/lib/disclosure/annualReport";
import { annualReportCsv } from "@/lib/disclosure/reportCsv";
import { isLocale } from "@/lib/i18n/settings";
import { apiError } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

/** The GET handler of one of the annual report's CSV downloads. */
export function csvRoute(table: "requests" | "documents") {
  return async (_request: Request, { params }: { params: Promise<{ locale: string; year: string }> }) => {
    const { locale, year: value } = await params;
    const year = reportYear(value);
    if (!isLocale(locale) || !year) return apiError(404, "not_found", "Not found");
    const csv = await annualReportCsv({ year, table, locale });
    return new Response(csv.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", csv.fileName),
      },
    });
  };
}
