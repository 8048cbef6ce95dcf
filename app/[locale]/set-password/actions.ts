"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZSetPassword } from "@/lib/users/schema";
import { setPasswordWithLink } from "@/lib/users/passwordLinks";
import { FormError } from "@/lib/shared/errors";

/** Sets a citizen's password from the reset link an administrator had mailed them. */
export const setCitizenPassword = formAction({
  schema: ZSetPassword,
  actor: "anonymous",
  run: async ({ input, locale }) => {
    if (!(await setPasswordWithLink(input))) throw new FormError("linkInvalid");
    redirect(`/${locale}/set-password?done=1`);
  },
});
