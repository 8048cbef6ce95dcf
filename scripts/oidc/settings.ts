/**
 * The local identity platform's settings from the environment, shared by scripts/oidc-server.ts
 * and `npm run dev` (which passes the same values to the portal as OIDC_* and STAFF_OIDC_*).
 * The default secrets are for development only: a real platform issues its own.
 */
export function localPlatformSettings(env: Record<string, string | undefined>) {
  const port = Number(env.OIDC_PORT ?? 4000);
  const portal = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`;
  const citizen = {
    clientId: env.OIDC_CLIENT_ID ?? "onestop-portal",
    clientSecret: env.OIDC_CLIENT_SECRET ?? "local-portal-secret-for-development",
    redirectUri: `${portal}/api/auth/callback/identity`,
  };
  const staff = {
    clientId: env.STAFF_OIDC_CLIENT_ID ?? "onestop-staff",
    clientSecret: env.STAFF_OIDC_CLIENT_SECRET ?? "local-staff-secret-for-development",
    redirectUri: `${portal}/api/auth/callback/staff-identity`,
  };
  return { port, issuer: `http://localhost:${port}`, clients: { citizen, staff } };
}

/** The portal's variables for a local platform at `issuer`. */
export function portalVariables(settings: ReturnType<typeof localPlatformSettings>): Record<string, string> {
  return {
    OIDC_ISSUER: settings.issuer,
    OIDC_CLIENT_ID: settings.clients.citizen.clientId,
    OIDC_CLIENT_SECRET: settings.clients.citizen.clientSecret,
    STAFF_OIDC_ISSUER: settings.issuer,
    STAFF_OIDC_CLIENT_ID: settings.clients.staff.clientId,
    STAFF_OIDC_CLIENT_SECRET: settings.clients.staff.clientSecret,
  };
}
