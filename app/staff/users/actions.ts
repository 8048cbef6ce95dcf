"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import type { TSessionUser } from "@/lib/auth/types";
import { ZAccountTarget, ZGrantRole, ZNewStaffAccount, ZRevokeRole } from "@/lib/users/schema";
import { createStaffAccount } from "@/lib/users/createStaffAccount";
import { grantRole, revokeRole } from "@/lib/users/changeRoles";
import { setAccountDisabled } from "@/lib/users/setAccountDisabled";
import { resetPassword } from "@/lib/users/resetPassword";
import { resetTwoFactor } from "@/lib/users/resetTwoFactor";

const accountPage = (userId: string, done: string) =>
  `/staff/users/${encodeURIComponent(userId)}?done=${done}`;

export const createStaffAccountAction = formAction({
  schema: ZNewStaffAccount,
  actor: "staff",
  run: async ({ input, actor }) => {
    const userId = await createStaffAccount({ actor, account: input });
    redirect(accountPage(userId, "invited"));
  },
});

export const grantRoleAction = formAction({
  schema: ZGrantRole,
  actor: "staff",
  run: async ({ input, actor }) => {
    await grantRole({ actor, ...input });
    redirect(accountPage(input.userId, "granted"));
  },
});

export const revokeRoleAction = formAction({
  schema: ZRevokeRole,
  actor: "staff",
  run: async ({ input, actor }) => {
    await revokeRole({ actor, ...input });
    redirect(accountPage(input.userId, "revoked"));
  },
});

/** An administrator's change to one account, then back to its page saying what was done. */
const onAccount = (
  change: (target: { actor: TSessionUser; userId: string }) => Promise<unknown>,
  done: "disabled" | "enabled" | "passwordReset" | "twoFactorReset",
) =>
  formAction({
    schema: ZAccountTarget,
    actor: "staff",
    run: async ({ input, actor }) => {
      await change({ actor, userId: input.userId });
      redirect(accountPage(input.userId, done));
    },
  });

export const disableAccountAction = onAccount(
  (target) => setAccountDisabled({ ...target, disabled: true }),
  "disabled",
);
export const enableAccountAction = onAccount(
  (target) => setAccountDisabled({ ...target, disabled: false }),
  "enabled",
);
export const resetPasswordAction = onAccount(resetPassword, "passwordReset");
export const resetTwoFactorAction = onAccount(resetTwoFactor, "twoFactorReset");
