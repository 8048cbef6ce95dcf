"use server";

import { redirect } from "next/navigation";
import { accountFormAction } from "@/lib/actions/formAction";
import { endSession } from "@/lib/auth/session";
import { ZCloseAccount } from "@/lib/users/schema";
import { closeAccount } from "@/lib/users/closeAccount";

export const closeMyAccount = accountFormAction("close", {
  schema: ZCloseAccount,
  run: async ({ input, actor, locale }) => {
    await closeAccount({ actor, password: input.password });
    // the session row is gone already; this removes the cookie
    await endSession();
    redirect(`/${locale}/sign-in?closed=1`);
  },
});
