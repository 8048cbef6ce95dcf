import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TPortal } from "./types";

/**
 * The unified sign-on: next-auth's generic OpenID Connect client, once for citizens (the identity
 * platform, 统一身份认证: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) and once for staff (the
 * government sign-on: STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET). Each is
 * on only when all three of its variables are set. Authorization code with PKCE and state; the
 * identity is read from the ID token, whose signature is checked against the issuer's keys.
 */
export const signOnProviderIds: Record<TPortal, string> = { public: "identity", staff: "staff-identity" };

type TEnv = Record<string, string | undefined>;

const prefixes: Record<TPortal, string> = { public: "OIDC_", staff: "STAFF_OIDC_" };
const scopes: Record<TPortal, string> = {
  public: "openid profile email phone identity",
  staff: "openid profile email",
};

/** The issuer a portal's sign-on trusts, or null when that sign-on is not configured. */
export function signOnIssuer(portal: TPortal, env: TEnv = process.env): string | null {
  const prefix = prefixes[portal];
  const issuer = env[`${prefix}ISSUER`];
  return issuer && env[`${prefix}CLIENT_ID`] && env[`${prefix}CLIENT_SECRET`]
    ? issuer.replace(/\/$/, "")
    : null;
}

export function signOnProvider(
  portal: TPortal,
  env: TEnv = process.env,
): OAuthConfig<Record<string, unknown>> | null {
  const issuer = signOnIssuer(portal, env);
  if (!issuer) return null;
  const prefix = prefixes[portal];
  return {
    id: signOnProviderIds[portal],
    name: portal === "staff" ? "Government sign-on" : "Identity platform",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env[`${prefix}CLIENT_ID`],
    clientSecret: env[`${prefix}CLIENT_SECRET`],
    idToken: true,
    checks: ["pkce", "state"],
    // always ask who is signing on: a shared computer must not carry the last person's platform session
    authorization: { params: { scope: scopes[portal], prompt: "login" } },
    profile: (claims) => ({
      id: String(claims.sub),
      name: typeof claims.name === "string" ? claims.name : null,
    }),
  };
}
