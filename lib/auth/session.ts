import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode, encode } from "next-auth/jwt";
import { sessionCookieName, secureCookies } from "./cookieNames";
import { endSessionBySecret, liveSession, openSession, sessionLimits } from "./sessions";
import { isCitizen, isStaff } from "./policy";
import type { TPortal, TSessionUser } from "./types";
import { NotFoundError } from "../shared/errors";

/** The session cookie's secret, when the request carries a valid session cookie. */
export const currentSessionSecret = cache(async (): Promise<string | null> => {
  const value = (await cookies()).get(sessionCookieName())?.value;
  if (!value) return null;
  const token = await decode({ token: value, secret: process.env.NEXTAUTH_SECRET as string }).catch(
    () => null,
  );
  return typeof token?.sid === "string" ? token.sid : null;
});

/**
 * The signed-in user, or null. The cookie names a session that must still be alive on the server
 * (not signed out, within its lifetime, not idle too long); this request counts as use of it.
 * Roles, scope and whether the account is still enabled are read afresh with the session row (one
 * query per request, never cached across requests), so revoking takes effect at once on every
 * instance.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const sid = await currentSessionSecret();
  const session = sid ? await liveSession({ sid, use: true }) : null;
  return session?.user ?? null;
});

/** For staff pages: anyone who is not staff goes to the staff sign-in page. */
export async function requireStaff(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!isStaff(user)) redirect("/staff/sign-in");
  return user;
}

/**
 * For pages: what a read found, or the page's 404. Nothing found and a read the domain refuses
 * (NotFoundError) look alike, so a page never confirms that something it may not show exists.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<NonNullable<T>> {
  const found = await read.catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (found === null || found === undefined) notFound();
  return found;
}

/** For citizen pages: anyone who is not a citizen goes to the public sign-in page. */
export async function requireCitizen(locale: string, returnTo: string): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!isCitizen(user)) redirect(`/${locale}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Starts a session from a server action (the sign-in forms post without JavaScript, so they
 * cannot use next-auth's client `signIn`): a session row on the server, and next-auth's cookie
 * carrying only its secret.
 */
export async function startSession(
  user: TSessionUser,
  portal: TPortal,
  options: { secondFactor?: boolean } = {},
): Promise<void> {
  const userAgent = (await headers()).get("user-agent");
  const secondFactorAt = options.secondFactor ? new Date() : null;
  const { sid } = await openSession({ user, portal, userAgent, secondFactorAt });
  const maxAge = sessionLimits[portal].absoluteMs / 1000;
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    maxAge,
    token: { sub: user.id, sid },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge,
  });
}

/**
 * Signs out: the session ends on the server (a copy of the cookie no longer works) and the
 * cookie is removed; the deletion carries `Secure` so browsers accept it for `__Secure-` cookies.
 */
export async function endSession(): Promise<void> {
  const sid = await currentSessionSecret();
  if (sid) await endSessionBySecret({ sid });
  (await cookies()).set(sessionCookieName(), "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: 0,
  });
}
