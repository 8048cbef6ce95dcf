import { apiError } from "@/lib/api/errors";
import { citizenRoute } from "@/lib/api/route";
import { getOwnCase } from "@/lib/cases/ownCases";
import { ownCaseJson } from "@/lib/cases/caseJson";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

export const dynamic = "force-dynamic";

/** One of the signed-in citizen's own cases with its public timeline; anyone else's is 404. */
export const GET = citizenRoute<{ trackingNumber: string }>(
  "token or cookie",
  async ({ actor, params: { trackingNumber } }) => {
    const found = serviceCaseNumberPattern.test(trackingNumber)
      ? await getOwnCase({ actor, trackingNumber })
      : null;
    if (!found) return apiError(404, "not_found", "Not found");
    return Response.json(ownCaseJson(found), { headers: { "Cache-Control": "private, no-store" } });
  },
);
