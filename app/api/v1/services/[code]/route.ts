import { getService } from "@/lib/services/queries";
import { serviceGuideJson } from "@/lib/services/serviceJson";
import { apiError } from "@/lib/api/errors";
import { apiRoute, publicJson } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** One service's whole 办事指南 with its application form definition; unknown codes are 404. */
export const GET = apiRoute<{ code: string }>(async ({ params: { code } }) => {
  const service = code.length <= 64 ? await getService({ code }) : null;
  if (!service) return apiError(404, "not_found", "No published service has this code");
  return publicJson(serviceGuideJson(service));
});
