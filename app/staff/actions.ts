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
    await signIn({ ...input, portal: "staff" });
    redirect(safeRedirectPath(formData.get("returnTo"), "/staff"));
  },
});

export async function signOutStaff(): Promise<void> {
  await endSession();
  redirect("/staff/sign-in");
}
