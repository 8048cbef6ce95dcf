"use server";

import { redirect } from "next/navigation";
import { accountReturnTo, postAction } from "@/lib/actions/formAction";
import { endOwnSessions } from "@/lib/auth/sessions";
import { currentSessionSecret } from "@/lib/auth/session";
import { ZEndSessions } from "@/lib/auth/schema";

/** Ends one of the citizen's sessions, or all of them (and so this one: back to signing in). */
export const endSessions = postAction({
  schema: ZEndSessions,
  actor: "citizen",
  returnTo: accountReturnTo("sessions"),
  run: async ({ input, actor }) => {
    await endOwnSessions({ actor, handle: input.handle, currentSid: await currentSessionSecret() });
    redirect(
      input.handle === "everywhere"
        ? `/${input.locale}/sign-in?signedOut=everywhere`
        : `/${input.locale}/account/sessions?ended=1`,
    );
  },
});
