import { z } from "zod";
import { isCitizen } from "@/lib/auth/policy";
import { cookieActor } from "@/lib/api/actor";
import { apiBadJson, apiFailure, apiFormError, apiUnauthorized, readJson } from "@/lib/api/errors";
import { createApiToken, listApiTokens } from "@/lib/users/apiTokens";
import { FormError } from "@/lib/shared/errors";

export const dynamic = "force-dynamic";

// the name's own rules are checked by createApiToken (422 with a field code)
const ZCreateToken = z.object({ name: z.string().max(1000) });

/** The signed-in citizen's working tokens (never the tokens themselves). Session cookie only. */
export async function GET(request: Request) {
  try {
    const actor = await cookieActor(request);
    if (!isCitizen(actor)) return apiUnauthorized();
    const tokens = await listApiTokens({ actor });
    const items = tokens.map((token) => ({
      ...token,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    }));
    return Response.json({ items }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiFailure(error);
  }
}

/** Makes a personal token: `201 {"id","name","token"}`, the token shown this once. A token cannot mint tokens. */
export async function POST(request: Request) {
  try {
    const actor = await cookieActor(request);
    if (!isCitizen(actor)) return apiUnauthorized();
    const json = await readJson(request);
    if (json === undefined) return apiBadJson();
    const body = ZCreateToken.parse(json);
    const created = await createApiToken({ actor, name: body.name });
    return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FormError) return apiFormError(error);
    return apiFailure(error);
  }
}
