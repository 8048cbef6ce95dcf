"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZRegister } from "@/lib/auth/schema";
import { startSession } from "@/lib/auth/session";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { registerCitizen } from "@/lib/users/registerCitizen";

export const registerAccount = formAction({
  schema: ZRegister,
  actor: "anonymous",
  run: async ({ input, formData }) => {
    const user = await registerCitizen(input);
    await startSession(user, "public");
    const locale = formData.get("locale");
    redirect(`/${isLocale(locale) ? locale : defaultLocale}/account?welcome=1`);
  },
});
