import { isCitizen } from "@/lib/auth/policy";
import { apiActor } from "@/lib/api/actor";
import { apiError, apiFailure, apiUnauthorized } from "@/lib/api/errors";
import { getOwnCase } from "@/lib/cases/ownCases";
import { ownCaseJson } from "@/lib/cases/caseJson";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

export const dynamic = "force-dynamic";

/** One of the signed-in citizen's own cases with its public timeline; anyone else's is 404. */
export async function GET(request: Request, { params }: { params: Promise<{ trackingNumber: string }> }) {
  try {
    const actor = await apiActor(request);
    if (!isCitizen(actor)) return apiUnauthorized();
    const { trackingNumber } = await params;
    const found = serviceCaseNumberPattern.test(trackingNumber)
      ? await getOwnCase({ actor, trackingNumber })
      : null;
    if (!found) return apiError(404, "not_found", "Not found");
    return Response.json(ownCaseJson(found), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiFailure(error);
  }
}
