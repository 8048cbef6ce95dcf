import "server-only";
import { createHash } from "node:crypto";
import type { Account, Profile, User } from "next-auth";
import { signOnCitizen, signOnStaff } from "./signOn";
import { currentSessionSecret } from "./session";
import { clientAddress } from "../http/clientAddress";
import { defaultLocale, isLocale } from "../i18n/settings";
import { liveSession } from "./sessions";
import { signOnIssuer, signOnProviderIds } from "./signOnProviders";
import { takeSignOnIntent } from "./signOnIntent";

/**
 * next-auth's signIn callback for the sign-on providers: the ID token's claims (checked by
 * next-auth against the issuer's keys) go to the identity domain, which finds, makes or links the
 * account, or refuses. On success the profile object next-auth carries on becomes the portal's
 * session user (the jwt callback opens the session row from it); a refusal sends the person back
 * to the sign-in page that says why. A link happens only when the intent cookie names an account
 * whose very session that asked is still alive in this browser.
 */
export async function completeSignOn(params: {
  user: User;
  account: Account | null;
  profile?: Profile;
}): Promise<boolean | string> {
  const { account } = params;
  const portal =
    account?.provider === signOnProviderIds.staff
      ? "staff"
      : account?.provider === signOnProviderIds.public
        ? "public"
        : null;
  if (!portal) return false;
  const intent = await takeSignOnIntent();
  const locale = intent && isLocale(intent.locale) ? intent.locale : defaultLocale;
  const back = (reason: string) =>
    portal === "staff"
      ? `/staff/sign-in?signOnError=${reason}`
      : intent?.linkTo
        ? `/${locale}/account?identityError=${reason}#identity`
        : `/${locale}/sign-in?signOnError=${reason}`;
  // a sign-on this browser did not start here (or whose ten minutes ran out) is not completed
  if (!intent || intent.portal !== portal) return back("signOnExpired");
  const issuer = signOnIssuer(portal)!;
  const ip = await clientAddress();
  let linkTo: string | null = null;
  if (intent.linkTo) {
    const sid = await currentSessionSecret();
    const same = sid && createHash("sha256").update(sid).digest("base64url") === intent.session;
    const live = same ? await liveSession({ sid }) : null;
    if (live?.userId !== intent.linkTo) return back("signOnExpired");
    linkTo = intent.linkTo;
  }
  const result =
    portal === "staff"
      ? await signOnStaff({ issuer, claims: params.profile, ip })
      : await signOnCitizen({ issuer, claims: params.profile, ip, linkTo });
  if (!result.ok) return back(result.reason);
  Object.assign(params.user, { ...result.user, portal, secondFactor: result.secondFactor });
  return true;
}
