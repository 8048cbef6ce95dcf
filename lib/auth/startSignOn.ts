import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import NextAuth from "next-auth";
import { authOptions, secureCookies } from "./options";
import { signOnProviderIds, signOnIssuer } from "./signOnProviders";
import { setSignOnIntent } from "./signOnIntent";
import { currentSessionSecret } from "./session";
import { liveSession } from "./sessions";
import { FormError } from "../shared/errors";
import type { TPortal, TSessionUser } from "./types";

/**
 * Sends the browser to the sign-on: next-auth's own sign-in step for the provider (which makes
 * the state and PKCE verifier cookies and the authorization address), run here so that a plain
 * form post — without JavaScript — can start it. The portal's forms are server actions, whose
 * origin Next checks; next-auth's CSRF token is made for this one call. With `link`, the signed-in
 * citizen's account and session are remembered: the identity is linked to that account only if
 * the same session is still alive when the person comes back. Returns the address to go to.
 */
export async function startSignOn(input: {
  portal: TPortal;
  locale: string;
  returnTo: string;
  link?: TSessionUser | null;
}): Promise<string> {
  if (!signOnIssuer(input.portal)) throw new FormError("signOnUnavailable");
  let session: string | null = null;
  if (input.link) {
    const sid = await currentSessionSecret();
    const live = sid ? await liveSession({ sid }) : null;
    if (!sid || live?.userId !== input.link.id) throw new FormError("signOnUnavailable");
    session = createHash("sha256").update(sid).digest("base64url");
  }
  const secret = process.env.NEXTAUTH_SECRET as string;
  const csrfToken = randomBytes(32).toString("hex");
  const csrfCookie = `${csrfToken}|${createHash("sha256").update(`${csrfToken}${secret}`).digest("hex")}`;
  // next-auth's API-route form: a request and a response object it answers `{url}` on, with cookies
  const answer: { url?: string; cookies: string[] } = { cookies: [] };
  const response = {
    status: () => response,
    setHeader: (name: string, value: string | string[]) => {
      if (name.toLowerCase() === "set-cookie") answer.cookies = ([] as string[]).concat(value);
      return response;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? answer.cookies : undefined),
    json: (body: { url?: string }) => void (answer.url = body.url),
    send: () => undefined,
    end: () => undefined,
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(
    {
      method: "POST",
      query: { nextauth: ["signin", signOnProviderIds[input.portal]] },
      body: { csrfToken, callbackUrl: input.returnTo, json: "true" },
      cookies: { [`${secureCookies() ? "__Host-" : ""}next-auth.csrf-token`]: csrfCookie },
      headers: Object.fromEntries(await headers()),
    },
    response,
    authOptions,
  );
  if (!answer.url || answer.url.includes("error=") || answer.url.includes("csrf=true"))
    throw new FormError("signOnUnavailable");
  const store = await cookies();
  for (const header of answer.cookies) {
    const cookie = parseSetCookie(header);
    if (cookie) store.set(cookie);
  }
  await setSignOnIntent({
    portal: input.portal,
    locale: input.locale,
    linkTo: input.link?.id ?? null,
    session,
  });
  return answer.url;
}

/** One Set-Cookie header of next-auth's (its state and PKCE cookies) as Next's cookie store takes it. */
function parseSetCookie(header: string) {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const at = pair.indexOf("=");
  if (at < 1) return null;
  const cookie: {
    name: string;
    value: string;
    path?: string;
    httpOnly?: boolean;
    secure?: boolean;
    sameSite?: "lax" | "strict" | "none";
    maxAge?: number;
    expires?: Date;
  } = { name: pair.slice(0, at), value: decodeURIComponent(pair.slice(at + 1)) };
  for (const attribute of attributes) {
    const [key, value = ""] = attribute.split("=");
    const name = key.toLowerCase();
    if (name === "path") cookie.path = value;
    else if (name === "httponly") cookie.httpOnly = true;
    else if (name === "secure") cookie.secure = true;
    else if (name === "samesite") cookie.sameSite = value.toLowerCase() as "lax" | "strict" | "none";
    else if (name === "max-age") cookie.maxAge = Number(value);
    else if (name === "expires") cookie.expires = new Date(value);
  }
  return cookie;
}
