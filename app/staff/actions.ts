"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZSignIn } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/signIn";
import { endSession } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";

export const signInStaff = formAction({
  schema: ZSignIn,
  actor: "anonymous",
  run: async ({ input, formData }) => {
    const returnTo = safeRedirectPath(formData.get("returnTo"), "/staff");
    const next = await signIn({ ...input, portal: "staff", returnTo });
    // the second step has its own page, so it works without JavaScript and can be bookmarked by nobody
    redirect(next === "done" ? returnTo : next === "code" ? "/staff/sign-in/code" : "/staff/sign-in/enrol");
  },
});

export async function signOutStaff(): Promise<void> {
  await endSession();
  redirect("/staff/sign-in");
}
