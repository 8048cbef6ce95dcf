"use server";

import { redirect } from "next/navigation";
import { accountFormAction } from "@/lib/actions/formAction";
import { ZEmailChange, requestEmailChange } from "@/lib/users/emailChange";
import { clientAddress } from "@/lib/http/clientAddress";

/** Asks for a new e-mail address; a link goes to it, and nothing changes until it is followed. */
export const askEmailChange = accountFormAction("email", {
  schema: ZEmailChange,
  run: async ({ input, actor, locale }) => {
    // the schema holds just what the use case takes: the new address and the password
    await requestEmailChange({ actor, ...input, ip: await clientAddress() });
    redirect(`/${locale}/account/email?sent=1`);
  },
});
