/**
 * npx tsx scripts/oidc-server.ts — the local identity platform (统一身份认证) and government
 * sign-on for development and tests, on OIDC_PORT (default 4000). The portal's clients and
 * secrets come from the same variables the portal reads (defaults below, for development only):
 * OIDC_CLIENT_ID/OIDC_CLIENT_SECRET, STAFF_OIDC_CLIENT_ID/STAFF_OIDC_CLIENT_SECRET, and
 * NEXTAUTH_URL (the portal's address, for the redirect URIs). `npm run dev` starts it for you.
 */
import { startIdentityPlatform } from "./oidc/identityPlatform";
import { localPlatformSettings } from "./oidc/settings";

const settings = localPlatformSettings(process.env);
const platform = await startIdentityPlatform({ port: settings.port, host: "0.0.0.0", ...settings.clients });
console.log(
  `[identity platform] ${platform.issuer} (citizens: ${settings.clients.citizen.clientId}, staff: ${settings.clients.staff.clientId})`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void platform.close().then(() => process.exit(0)));
