"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { startSignOn } from "@/lib/auth/startSignOn";
import { defaultLocale } from "@/lib/i18n/settings";
import { FormError } from "@/lib/shared/errors";
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

/** 政务统一认证: off to the government sign-on; only staff an administrator registered come back signed in. */
export const signOnStaff = postAction({
  schema: z.object({ returnTo: z.string().max(500).optional() }),
  actor: "anonymous",
  run: async ({ input }) => {
    let to: string;
    try {
      to = await startSignOn({
        portal: "staff",
        locale: defaultLocale,
        returnTo: safeRedirectPath(input.returnTo, "/staff"),
      });
    } catch (error) {
      if (error instanceof FormError) redirect(`/staff/sign-in?signOnError=${error.key}`);
      throw error;
    }
    redirect(to);
  },
});
