"use server";

import { redirect } from "next/navigation";
import { postAction } from "@/lib/actions/formAction";
import { endOwnSessions } from "@/lib/auth/sessions";
import { currentSessionSecret } from "@/lib/auth/session";
import { ZEndSessions } from "@/lib/auth/schema";

/** Ends one of this member of staff's sessions, or all of them (and so this one). */
export const endStaffSessions = postAction({
  schema: ZEndSessions,
  actor: "staff",
  run: async ({ input, actor }) => {
    await endOwnSessions({ actor, handle: input.handle, currentSid: await currentSessionSecret() });
    redirect(input.handle === "everywhere" ? "/staff/sign-in" : "/staff/sessions?ended=1");
  },
});
