import { z } from "zod";
import { citizenRoute, jsonBody } from "@/lib/api/route";
import { createApiToken, listApiTokens } from "@/lib/users/apiTokens";

export const dynamic = "force-dynamic";

// the name's own rules are checked by createApiToken (422 with a field code)
const ZCreateToken = z.object({ name: z.string().max(1000) });

/** The signed-in citizen's working tokens (never the tokens themselves). Session cookie only. */
export const GET = citizenRoute("cookie", async ({ actor }) => {
  const tokens = await listApiTokens({ actor });
  const items = tokens.map((token) => ({
    ...token,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  }));
  return Response.json({ items }, { headers: { "Cache-Control": "private, no-store" } });
});

/** Makes a personal token: `201 {"id","name","token"}`, the token shown this once. A token cannot mint tokens. */
export const POST = citizenRoute("cookie", async ({ request, actor }) => {
  const { name } = await jsonBody(request, ZCreateToken);
  const created = await createApiToken({ actor, name });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
