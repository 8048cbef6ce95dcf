"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { registerStaffSignOn } from "@/lib/auth/registerStaffSignOn";
import { removeStaffSignOn } from "@/lib/auth/removeStaffSignOn";
import { signOnIssuer } from "@/lib/auth/signOnProviders";
import { ZStaffSignOnRegistration, ZStaffSignOnRemoval } from "@/lib/auth/staffSignOnSchema";
import { FormError } from "@/lib/shared/errors";

const page = (done: string) => `/staff/users/sign-on?done=${done}`;

/** Registers a staff account's subject or e-mail with the government sign-on this portal trusts. */
export const registerStaffSignOnAction = formAction({
  schema: ZStaffSignOnRegistration,
  actor: "staff",
  run: async ({ input, actor }) => {
    const issuer = signOnIssuer("staff");
    if (!issuer) throw new FormError("staffSignOnNotConfigured");
    await registerStaffSignOn({ actor, issuer, ...input });
    redirect(page("registered"));
  },
});

export const removeStaffSignOnAction = formAction({
  schema: ZStaffSignOnRemoval,
  actor: "staff",
  run: async ({ input, actor }) => {
    await removeStaffSignOn({ actor, identityId: input.identityId });
    redirect(page("removed"));
  },
});
