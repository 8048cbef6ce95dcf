import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { listQueue } from "@/lib/cases/staffCases";
import { queueFilterFrom } from "@/lib/cases/queueFilter";
import { queueCsv } from "@/lib/cases/queueCsv";
import { apiError } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

/** The filtered queue as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!isStaff(user)) return apiError(404, "not_found", "Not found");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const rows = await listQueue({ actor: user, filter: queueFilterFrom(query) });
  return new Response(await queueCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", "cases.csv"),
      "Cache-Control": "no-store",
    },
  });
}
