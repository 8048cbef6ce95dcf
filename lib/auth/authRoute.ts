import "server-only";
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { defaultLocale } from "../i18n/settings";
import { safeRedirectPath } from "../shared/safeRedirect";
import { requestClientAddress } from "../http/clientAddress";
import { TooManyRequestsError, tooManyRequestsResponse } from "../throttle/throttle";
import { checkSignInLimits } from "./verifyCredentials";

const handler = NextAuth(authOptions);

/** The cookie in which next-auth remembers a callbackUrl (with and without the Secure prefix). */
const callbackCookies = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * next-auth's own routes (/api/auth/*), given only return addresses they can use. Before acting,
 * next-auth checks the callbackUrl of the query and of its cookie, and one it cannot parse as an
 * http(s) address counts as a configuration error, answered with 500. So the query's value is
 * replaced by its normalised path (the account page when it is not safe) and a cookie that does
 * not hold a safe address is dropped, here and in the browser. A credentials sign-in over a
 * limit is answered 429 with Retry-After before next-auth (and its password hash) runs.
 */
export async function authRoute(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const account = `/${defaultLocale}/account`;
  const query = request.nextUrl.searchParams;
  const callbackUrl = query.get("callbackUrl");
  if (callbackUrl !== null) query.set("callbackUrl", safeRedirectPath(callbackUrl, account));
  const store = await cookies();
  for (const name of callbackCookies) {
    const value = store.get(name)?.value;
    if (value !== undefined && safeRedirectPath(value, "") === "") store.delete(name);
  }
  const { nextauth } = await context.params;
  if (request.method === "POST" && nextauth.join("/") === "callback/credentials") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    try {
      if (typeof email === "string") await checkSignInLimits({ email, ip: requestClientAddress(request) });
    } catch (error) {
      if (error instanceof TooManyRequestsError) return tooManyRequestsResponse(error);
      throw error;
    }
  }
  return handler(request, context);
}
