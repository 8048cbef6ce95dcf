import "server-only";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { FormError } from "../shared/errors";
import { changeAccount, keepAnAdministrator } from "./accountChange";

/**
 * Disables an account (it can no longer sign in, and every session of it ends at once) or
 * enables it again; administrators only, audited. An administrator cannot disable themselves nor
 * the last enabled administrator.
 */
export async function setAccountDisabled(
  input: { actor: TSessionUser; userId: string; disabled: boolean } & TDbOption,
): Promise<void> {
  await changeAccount(
    { ...input, action: input.disabled ? "user.disable" : "user.enable" },
    async (tx, user) => {
      if (input.disabled) {
        if (user.id === input.actor.id) throw new FormError("disableSelf");
        await keepAnAdministrator(tx, user);
      }
      await tx.user.update({ where: { id: user.id }, data: { disabled: input.disabled } });
      return { result: undefined };
    },
  );
}
