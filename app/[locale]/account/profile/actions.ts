"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZProfile } from "@/lib/users/schema";
import { updateProfile } from "@/lib/users/updateProfile";

export const saveProfile = formAction({
  schema: ZProfile,
  actor: "citizen",
  returnTo: (_formData, locale) => `/${locale}/account/profile`,
  run: async ({ input, actor }) => {
    await updateProfile({ actor, profile: input });
    // the page in the language just chosen
    redirect(`/${input.locale}/account/profile?saved=1`);
  },
});
