"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { FormError } from "@/lib/shared/errors";
import { currentSessionSecret } from "@/lib/auth/session";
import { ZEmailChangeLink, confirmEmailChange } from "@/lib/users/emailChange";

/** Follows the link mailed to the new address: the address changes, once. */
export const confirmNewEmail = formAction({
  schema: ZEmailChangeLink,
  actor: "anonymous",
  run: async ({ input, locale }) => {
    const changed = await confirmEmailChange({
      token: input.token,
      currentSid: await currentSessionSecret(),
    });
    if (!changed) throw new FormError("linkInvalid");
    redirect(`/${locale}/account/email/confirm?done=1`);
  },
});
