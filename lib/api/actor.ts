import "server-only";
import { getSessionUser } from "../auth/session";
import type { TSessionUser } from "../auth/types";
import { userForToken } from "../users/apiTokens";
import { sameOriginOrSafe } from "../http/sameOrigin";

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is calling the API: the owner of the `Authorization: Bearer` token when the header is
 * present (a bad token is null and never falls back to the cookie), else the session cookie's
 * user. Outside a request (a route handler called directly, e.g. in tests) there is no cookie.
 */
export async function apiActor(request: Request): Promise<TSessionUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = bearer.exec(authorization)?.[1];
    return token ? userForToken({ token }) : null;
  }
  return cookieActor(request);
}

/**
 * The session cookie's user only: for calls a token may not make (minting tokens). A cookie call
 * that changes something from another site (CSRF) is treated as anonymous.
 */
export async function cookieActor(request: Request): Promise<TSessionUser | null> {
  if (request.headers.get("authorization") !== null || !sameOriginOrSafe(request)) return null;
  try {
    return await getSessionUser();
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
}
