import "server-only";
import { servedOverHttps } from "../http/securityHeaders";

/** Cookies are `Secure` (and the session cookie `__Secure-` prefixed) when the portal is served over https. */
export function secureCookies(): boolean {
  return servedOverHttps();
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
