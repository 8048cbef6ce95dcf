import "server-only";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { changeAccount } from "./accountChange";

/**
 * Resets a member of staff's two-factor sign-in (administrators only), for a lost or replaced
 * phone: the enrolled secret is removed, so they enrol again at their next sign-in, and their
 * sessions end at once. Audited.
 */
export async function resetTwoFactor(
  input: { actor: TSessionUser; userId: string } & TDbOption,
): Promise<void> {
  await changeAccount({ ...input, action: "user.resetTwoFactor" }, async (tx, user) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.signInChallenge.updateMany({
      where: { userId: user.id, endedAt: null },
      data: { endedAt: new Date() },
    });
    return { result: undefined };
  });
}
