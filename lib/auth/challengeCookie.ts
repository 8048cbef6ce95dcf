import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "./options";
import { challengeLifetimeMs } from "./secondFactor";

/**
 * The cookie that carries a sign-in challenge's secret between the password and the second step:
 * httpOnly, sent only to the staff pages, gone after five minutes like the challenge itself. It
 * opens nothing else: the row it names is not a session.
 */
const cookieName = () => `${secureCookies() ? "__Secure-" : ""}onestop-staff-challenge`;

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/staff",
  secure: secureCookies(),
});

export async function setChallengeCookie(secret: string): Promise<void> {
  (await cookies()).set(cookieName(), secret, { ...cookieOptions(), maxAge: challengeLifetimeMs / 1000 });
}

export async function challengeCookieSecret(): Promise<string | null> {
  return (await cookies()).get(cookieName())?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).set(cookieName(), "", { ...cookieOptions(), maxAge: 0 });
}
