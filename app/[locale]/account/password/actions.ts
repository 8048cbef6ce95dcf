"use server";

import { redirect } from "next/navigation";
import { accountFormAction } from "@/lib/actions/formAction";
import { ZChangePassword } from "@/lib/auth/schema";
import { changePasswordFromForm } from "@/lib/auth/changePassword";

/** Changes the citizen's password; every other session of theirs ends, this one stays. */
export const changeCitizenPassword = accountFormAction("password", {
  schema: ZChangePassword,
  run: async ({ input, actor }) => {
    const ended = await changePasswordFromForm({ actor, form: input });
    redirect(`/${input.locale}/account/password?changed=${ended}`);
  },
});
