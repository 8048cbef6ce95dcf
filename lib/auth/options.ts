import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZSignIn } from "./schema";
import { verifyCredentials } from "./verifyCredentials";
import type { TSessionUser } from "./types";
import { safeRedirectPath } from "../shared/safeRedirect";
import { defaultLocale } from "../i18n/settings";

/** Session lifetime (the token is not renewed: sign in again after it). */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  useSecureCookies: secureCookies(),
  pages: { signIn: "/zh-Hans/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, portal: { type: "text" } },
      async authorize(credentials, request) {
        const parsed = ZSignIn.safeParse(credentials);
        if (!parsed.success) return null;
        const portal = credentials?.portal === "staff" ? "staff" : "public";
        const forwarded = request?.headers?.["x-forwarded-for"];
        const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() ?? null;
        const result = await verifyCredentials({ ...parsed.data, portal, ip });
        return result.ok ? { ...result.user } : null;
      },
    }),
  ],
  callbacks: {
    // next-auth honours a callbackUrl from the query, the body or a cookie: only a path on this site
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, `/${defaultLocale}/account`, new URL(baseUrl).origin)}`;
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as TSessionUser;
        token.sub = u.id;
        token.user = { id: u.id, email: u.email, name: u.name, accountType: u.accountType, grants: u.grants };
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: token.user as TSessionUser };
    },
  },
};
