import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZSignIn } from "./schema";
import { loadSessionUser, verifyCredentials } from "./verifyCredentials";
import type { TPortal, TSessionUser } from "./types";
import { endSessionBySecret, liveSession, openSession, sessionLimits } from "./sessions";
import { safeRedirectPath } from "../shared/safeRedirect";
import { defaultLocale } from "../i18n/settings";
import { clientAddress } from "../http/clientAddress";
import { TooManyRequestsError } from "../throttle/throttle";
import { FormError } from "../shared/errors";
import { checkProgramSecondFactor } from "./secondFactor";
import { signOnProvider } from "./signOnProviders";
import { completeSignOn } from "./completeSignOn";
import { secureCookies } from "./cookieNames";

// where the cookie names lived before: callers keep importing them from here
export { secureCookies, sessionCookieName } from "./cookieNames";

/**
 * A program signing staff in through this endpoint has no second page: it sends the
 * authenticator's code with the password (field `code`), checked by the same rules as the form.
 */
async function staffSecondFactor(userId: string, code: unknown, ip: string | null): Promise<boolean | null> {
  if (typeof code !== "string") return null;
  return checkProgramSecondFactor({ userId, code, ip }).then(
    (result) => result.secondFactor,
    (error: unknown) => {
      if (error instanceof FormError || error instanceof TooManyRequestsError) return null;
      throw error;
    },
  );
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // the cookie's own lifetime; the session row on the server decides whether it is still alive
  session: { strategy: "jwt", maxAge: sessionLimits.public.absoluteMs / 1000 },
  useSecureCookies: secureCookies(),
  pages: { signIn: "/zh-Hans/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        portal: { type: "text" },
        code: { type: "text" },
      },
      async authorize(credentials) {
        const parsed = ZSignIn.safeParse(credentials);
        if (!parsed.success) return null;
        const portal = credentials?.portal === "staff" ? "staff" : "public";
        const ip = await clientAddress();
        // over a limit is a refusal like any other here: the route answered 429 already if it could
        const result = await verifyCredentials({ ...parsed.data, portal, ip }).catch((error: unknown) => {
          if (error instanceof TooManyRequestsError) return null;
          throw error;
        });
        if (!result?.ok) return null;
        if (portal === "public") return { ...result.user, portal, secondFactor: false };
        const secondFactor = await staffSecondFactor(result.user.id, credentials?.code, ip);
        return secondFactor === null ? null : { ...result.user, portal, secondFactor };
      },
    }),
    // the unified sign-on for citizens and for staff, each when configured (lib/auth/signOnProviders.ts)
    ...[signOnProvider("public"), signOnProvider("staff")].filter((provider) => provider !== null),
  ],
  callbacks: {
    // a sign-on's identity becomes an account here (or is refused); the password door needs nothing more
    async signIn({ user, account, profile }) {
      return account?.type === "oauth" ? completeSignOn({ user, account, profile }) : true;
    },
    // next-auth honours a callbackUrl from the query, the body or a cookie: only a path on this site
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, `/${defaultLocale}/account`, new URL(baseUrl).origin)}`;
    },
    /**
     * Signing in through next-auth's own endpoint (programs) opens a session row like the forms
     * do; afterwards every read of the token (the session endpoint) requires that row to be
     * alive — a throw here makes next-auth answer `{}` and clear the cookie. The check is not use:
     * polling the endpoint does not renew the idle limit.
     */
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as TSessionUser & { portal: TPortal; secondFactor: boolean };
        const secondFactorAt = u.secondFactor ? new Date() : null;
        const { sid } = await openSession({ user: u, portal: u.portal, secondFactorAt });
        return { sub: u.id, sid };
      }
      const live = typeof token.sid === "string" ? await liveSession({ sid: token.sid }) : null;
      if (!live || live.userId !== token.sub) throw new Error("session ended");
      return token;
    },
    async session({ session, token }) {
      const user = token.sub ? await loadSessionUser({ userId: token.sub }) : null;
      if (!user) throw new Error("account unavailable");
      return { ...session, user };
    },
  },
  logger: {
    // an ended session read by the session endpoint is expected, not an error worth a stack trace
    error(code, metadata) {
      if (code !== "JWT_SESSION_ERROR") console.error(`[next-auth] ${code}`, metadata);
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSessionBySecret({ sid: token.sid });
    },
  },
};
