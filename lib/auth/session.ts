import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { authOptions, sessionCookieName, sessionMaxAgeSeconds, secureCookies } from "./options";
import { isCitizen, isStaff } from "./policy";
import type { TSessionUser } from "./types";
import { loadSessionUser } from "./verifyCredentials";
import { NotFoundError } from "../shared/errors";

/**
 * The signed-in user, or null. The token only says who signed in: roles, scope and whether the
 * account is still enabled are read afresh (once per request), so revoking takes effect at once.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session as { user?: TSessionUser } | null)?.user?.id;
  return id ? loadSessionUser({ userId: id }) : null;
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
 * Starts a next-auth session from a server action (the sign-in forms post without JavaScript,
 * so they cannot use next-auth's client `signIn`): the same JWT and cookie next-auth issues.
 */
export async function startSession(user: TSessionUser): Promise<void> {
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    maxAge: sessionMaxAgeSeconds,
    token: { sub: user.id, name: user.name, email: user.email, user },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: sessionMaxAgeSeconds,
  });
}

/** Ends the session; the deletion carries `Secure` so browsers accept it for `__Secure-` cookies. */
export async function endSession(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: 0,
  });
}
