import "server-only";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { changeAccount } from "./accountChange";
import { issuePasswordLink, unusablePasswordHash } from "./passwordLinks";

/**
 * Resets someone's password (administrators only): the old password stops working at once, their
 * sessions end and their API tokens are revoked (a reset means someone else may have known the
 * password, and could have made a token with it, or asked to move the account to an address of
 * theirs: a pending e-mail change lapses), and a one-time link to set a new one is mailed
 * to their address. The administrator never sees or chooses the password. Audited, with how many
 * tokens were revoked.
 */
export async function resetPassword(
  input: { actor: TSessionUser; userId: string; now?: Date } & TDbOption,
): Promise<void> {
  const passwordHash = await unusablePasswordHash();
  await changeAccount({ ...input, action: "user.resetPassword" }, async (tx, user) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // a pending change of e-mail address was asked for with the password now thought known
    await tx.emailChange.deleteMany({ where: { userId: user.id, usedAt: null } });
    const revoked = await tx.apiToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: input.now ?? new Date() },
    });
    const { expiresAt } = await issuePasswordLink(tx, { user, purpose: "reset", now: input.now });
    return {
      result: undefined,
      detail: { linkExpiresAt: expiresAt.toISOString(), revokedTokens: revoked.count },
    };
  });
}
