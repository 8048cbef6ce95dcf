import { getService } from "@/lib/services/queries";
import { serviceGuideJson } from "@/lib/services/serviceJson";
import { apiError, apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** One service's whole 办事指南 with its application form definition; unknown codes are 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code } = await params;
    const service = code.length <= 64 ? await getService({ code }) : null;
    if (!service) return apiError(404, "not_found", "No published service has this code");
    return Response.json(serviceGuideJson(service), { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    return apiFailure(error);
  }
}
