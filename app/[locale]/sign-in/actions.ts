"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
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
