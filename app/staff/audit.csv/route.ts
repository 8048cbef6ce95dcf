import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { auditFilterOf } from "@/lib/auditTrail/schema";
import { exportAuditEntries } from "@/lib/auditTrail/queries";
import { auditCsv } from "@/lib/auditTrail/auditCsv";
import { NotFoundError } from "@/lib/shared/errors";
import { apiError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** The filtered audit rows as CSV, streamed batch by batch (UTF-8 with BOM). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!isStaff(user)) return apiError(404, "not_found", "Not found");
  const filter = auditFilterOf(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const batches = await exportAuditEntries({ actor: user, filter });
    const chunks = auditCsv(batches);
    const encoder = new TextEncoder();
    // pulled a batch at a time, so a slow download never makes the server hold the whole export
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return apiError(404, "not_found", "Not found");
    throw error;
  }
}
