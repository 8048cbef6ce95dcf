"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
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

export const disableAccountAction = formAction({
  schema: ZAccountTarget,
  actor: "staff",
  run: async ({ input, actor }) => {
    await setAccountDisabled({ actor, userId: input.userId, disabled: true });
    redirect(accountPage(input.userId, "disabled"));
  },
});

export const enableAccountAction = formAction({
  schema: ZAccountTarget,
  actor: "staff",
  run: async ({ input, actor }) => {
    await setAccountDisabled({ actor, userId: input.userId, disabled: false });
    redirect(accountPage(input.userId, "enabled"));
  },
});

export const resetPasswordAction = formAction({
  schema: ZAccountTarget,
  actor: "staff",
  run: async ({ input, actor }) => {
    await resetPassword({ actor, userId: input.userId });
    redirect(accountPage(input.userId, "passwordReset"));
  },
});

export const resetTwoFactorAction = formAction({
  schema: ZAccountTarget,
  actor: "staff",
  run: async ({ input, actor }) => {
    await resetTwoFactor({ actor, userId: input.userId });
    redirect(accountPage(input.userId, "twoFactorReset"));
  },
});
