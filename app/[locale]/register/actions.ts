"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZRegister } from "@/lib/auth/schema";
import { startSession } from "@/lib/auth/session";
import { registerCitizen } from "@/lib/users/registerCitizen";

export const registerAccount = formAction({
  schema: ZRegister,
  actor: "anonymous",
  run: async ({ input, locale }) => {
    const user = await registerCitizen(input);
    await startSession(user, "public");
    redirect(`/${locale}/account?welcome=1`);
  },
});
