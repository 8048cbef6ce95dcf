"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZEmailChange, requestEmailChange } from "@/lib/users/emailChange";
import { clientAddress } from "@/lib/http/clientAddress";

/** Asks for a new e-mail address; a link goes to it, and nothing changes until it is followed. */
export const askEmailChange = formAction({
  schema: ZEmailChange,
  actor: "citizen",
  returnTo: (_formData, locale) => `/${locale}/account/email`,
  run: async ({ input, actor, locale }) => {
    await requestEmailChange({
      actor,
      newEmail: input.newEmail,
      password: input.password,
      ip: await clientAddress(),
    });
    redirect(`/${locale}/account/email?sent=1`);
  },
});
