import { citizenRoute } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/users/apiTokens";

export const dynamic = "force-dynamic";

/** Revokes one of the signed-in citizen's tokens: 204; anyone else's or unknown is 404. Session cookie only. */
export const DELETE = citizenRoute<{ id: string }>("cookie", async ({ actor, params }) => {
  await revokeApiToken({ actor, id: params.id });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
