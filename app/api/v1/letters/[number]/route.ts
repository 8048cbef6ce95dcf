import { apiUnauthorized } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { hotlineServiceRequest } from "@/lib/letters/hotline";
import { hotlineActorFromRequest } from "@/lib/letters/hotlineTokens";
import { letterNumberPattern } from "@/lib/letters/kinds";
import { NotFoundError } from "@/lib/shared/errors";

export const dynamic = "force-dynamic";

/**
 * A hotline work order as an Open311 service request, for the hotline system (service token):
 * to reconcile its tickets with the portal without waiting for a webhook.
 */
export const GET = apiRoute<{ number: string }>(async ({ request, params }) => {
  const actor = await hotlineActorFromRequest(request);
  if (!actor) return apiUnauthorized("Send Authorization: Bearer <service token> (made by an administrator)");
  if (!letterNumberPattern.test(params.number)) throw new NotFoundError("Letter");
  const serviceRequest = await hotlineServiceRequest({ actor, number: params.number });
  return Response.json(serviceRequest, { headers: { "Cache-Control": "private, no-store" } });
});
