"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { formAction, staffChangeAction } from "@/lib/actions/formAction";
import type { TSessionUser } from "@/lib/auth/types";
import { ZAccountTarget, ZGrantRole, ZNewStaffAccount, ZRevokeRole } from "@/lib/users/schema";
import { createStaffAccount } from "@/lib/users/createStaffAccount";
import { grantRole, revokeRole } from "@/lib/users/changeRoles";
import { setAccountDisabled } from "@/lib/users/setAccountDisabled";
import { resetPassword } from "@/lib/users/resetPassword";
import { resetTwoFactor } from "@/lib/users/resetTwoFactor";

const accountPage = (userId: string, done: string) =>
  `/staff/users/${encodeURIComponent(userId)}?done=${done}`;

/** An administrator's change to one account, then back to its page saying what was done. */
const onAccount = <S extends z.ZodType<{ userId: string }>>(
  schema: S,
  change: (input: { actor: TSessionUser } & z.infer<S>) => Promise<unknown>,
  done: "granted" | "revoked" | "disabled" | "enabled" | "passwordReset" | "twoFactorReset",
) => staffChangeAction(schema, change, (input) => accountPage(input.userId, done));

export const createStaffAccountAction = formAction({
  schema: ZNewStaffAccount,
  actor: "staff",
  run: async ({ input, actor }) => {
    const userId = await createStaffAccount({ actor, account: input });
    redirect(accountPage(userId, "invited"));
  },
});

export const grantRoleAction = onAccount(ZGrantRole, grantRole, "granted");
export const revokeRoleAction = onAccount(ZRevokeRole, revokeRole, "revoked");

export const disableAccountAction = onAccount(
  ZAccountTarget,
  (target) => setAccountDisabled({ ...target, disabled: true }),
  "disabled",
);
export const enableAccountAction = onAccount(
  ZAccountTarget,
  (target) => setAccountDisabled({ ...target, disabled: false }),
  "enabled",
);
export const resetPasswordAction = onAccount(ZAccountTarget, resetPassword, "passwordReset");
export const resetTwoFactorAction = onAccount(ZAccountTarget, resetTwoFactor, "twoFactorReset");
