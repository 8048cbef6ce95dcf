"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { startSignOn } from "@/lib/auth/startSignOn";
import { FormError } from "@/lib/shared/errors";
import { ZSignIn } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/signIn";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";

export const signInCitizen = formAction({
  schema: ZSignIn,
  actor: "anonymous",
  run: async ({ input, formData, locale }) => {
    await signIn({ ...input, portal: "public" });
    redirect(safeRedirectPath(formData.get("returnTo"), `/${locale}/account`));
  },
});

/** 统一身份认证: off to the identity platform, back to `returnTo` signed in (or to this page with why not). */
export const signOnCitizen = postAction({
  // named apart from the password form's returnTo: the page has both forms
  schema: z.object({ signOnReturnTo: z.string().max(500).optional() }),
  actor: "anonymous",
  run: async ({ input, locale }) => {
    const returnTo = safeRedirectPath(input.signOnReturnTo, `/${locale}/account`);
    let to: string;
    try {
      to = await startSignOn({ portal: "public", locale, returnTo });
    } catch (error) {
      if (error instanceof FormError) redirect(`/${locale}/sign-in?signOnError=${error.key}`);
      throw error;
    }
    redirect(to);
  },
});
