"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZChangePassword } from "@/lib/auth/schema";
import { changePassword } from "@/lib/auth/changePassword";
import { currentSessionSecret } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/clientAddress";

/** Changes the citizen's password; every other session of theirs ends, this one stays. */
export const changeCitizenPassword = formAction({
  schema: ZChangePassword,
  actor: "citizen",
  returnTo: (_formData, locale) => `/${locale}/account/password`,
  run: async ({ input, actor }) => {
    const ended = await changePassword({
      actor,
      currentPassword: input.currentPassword,
      newPassword: input.password,
      currentSid: await currentSessionSecret(),
      ip: await clientAddress(),
    });
    redirect(`/${input.locale}/account/password?changed=${ended}`);
  },
});
