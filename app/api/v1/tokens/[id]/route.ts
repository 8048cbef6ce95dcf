import { isCitizen } from "@/lib/auth/policy";
import { cookieActor } from "@/lib/api/actor";
import { apiFailure, apiUnauthorized } from "@/lib/api/errors";
import { revokeApiToken } from "@/lib/users/apiTokens";

export const dynamic = "force-dynamic";

/** Revokes one of the signed-in citizen's tokens: 204; anyone else's or unknown is 404. Session cookie only. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await cookieActor(request);
    if (!isCitizen(actor)) return apiUnauthorized();
    const { id } = await params;
    await revokeApiToken({ actor, id });
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiFailure(error);
  }
}
