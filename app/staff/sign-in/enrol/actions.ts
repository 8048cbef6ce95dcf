"use server";

import { formAction } from "@/lib/actions/formAction";
import { ZTotpCode } from "@/lib/auth/schema";
import { confirmEnrolment } from "@/lib/auth/secondFactor";
import { challengeCookieSecret, clearChallengeCookie } from "@/lib/auth/challengeCookie";
import { startSession } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/clientAddress";

/**
 * Confirms the authenticator with a code from it: the session starts, and the recovery codes come
 * back to the page, which shows them this once.
 */
export const confirmStaffEnrolment = formAction({
  schema: ZTotpCode,
  actor: "anonymous",
  run: async ({ input }) => {
    const { user, recoveryCodes } = await confirmEnrolment({
      code: input.code,
      challengeSecret: await challengeCookieSecret(),
      ip: await clientAddress(),
    });
    await clearChallengeCookie();
    await startSession(user, "staff", { secondFactor: true });
    return { ok: true, values: {}, fieldErrors: {}, shownOnce: recoveryCodes };
  },
});
