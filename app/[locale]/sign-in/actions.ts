"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZSignIn } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/signIn";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

export const signInCitizen = formAction({
  schema: ZSignIn,
  actor: "anonymous",
  run: async ({ input, formData }) => {
    await signIn({ ...input, portal: "public" });
    const locale = formData.get("locale");
    redirect(
      safeRedirectPath(formData.get("returnTo"), `/${isLocale(locale) ? locale : defaultLocale}/account`),
    );
  },
});
