"use server";

import { redirect } from "next/navigation";
import { accountFormAction } from "@/lib/actions/formAction";
import { ZProfile } from "@/lib/users/schema";
import { updateProfile } from "@/lib/users/updateProfile";

export const saveProfile = accountFormAction("profile", {
  schema: ZProfile,
  run: async ({ input, actor }) => {
    await updateProfile({ actor, profile: input });
    // the page in the language just chosen
    redirect(`/${input.locale}/account/profile?saved=1`);
  },
});
