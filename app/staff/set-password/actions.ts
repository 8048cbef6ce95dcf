"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZSetPassword } from "@/lib/users/schema";
import { setPasswordWithLink } from "@/lib/users/passwordLinks";
import { FormError } from "@/lib/shared/errors";

/** Sets a staff member's password from their invitation or reset link; then they sign in. */
export const setStaffPassword = formAction({
  schema: ZSetPassword,
  actor: "anonymous",
  run: async ({ input }) => {
    if (!(await setPasswordWithLink(input))) throw new FormError("linkInvalid");
    redirect("/staff/set-password?done=1");
  },
});
