"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZRecoveryCode, ZTotpCode } from "@/lib/auth/schema";
import { completeSecondFactor } from "@/lib/auth/secondFactor";
import { challengeCookieSecret, clearChallengeCookie } from "@/lib/auth/challengeCookie";
import { startSession } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/clientAddress";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";

/** The second step with the authenticator's code, or with a recovery code: then the session starts. */
async function finishSignIn(code: { code?: string; recoveryCode?: string }): Promise<never> {
  const { user, returnTo } = await completeSecondFactor({
    ...code,
    challengeSecret: await challengeCookieSecret(),
    ip: await clientAddress(),
  });
  await clearChallengeCookie();
  await startSession(user, "staff", { secondFactor: true });
  redirect(safeRedirectPath(returnTo, "/staff"));
}

export const verifyStaffCode = formAction({
  schema: ZTotpCode,
  actor: "anonymous",
  run: ({ input }) => finishSignIn({ code: input.code }),
});

export const verifyStaffRecoveryCode = formAction({
  schema: ZRecoveryCode,
  actor: "anonymous",
  run: ({ input }) => finishSignIn({ recoveryCode: input.recoveryCode }),
});
