"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZSignIn } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/signIn";
import { safeLocalPath } from "@/lib/i18n/paths";

export const signInCitizen = formAction({
  schema: ZSignIn,
  actor: "anonymous",
  run: async ({ input, formData, locale }) => {
    await signIn({ ...input, portal: "public" });
    redirect(safeLocalPath(formData.get("returnTo"), `/${locale}/account`));
  },
});
