"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { ZRegister } from "@/lib/auth/schema";
import { startSession } from "@/lib/auth/session";
import { confirmRegistration, registerCitizen } from "@/lib/users/registerCitizen";

export const registerAccount = formAction({
  schema: ZRegister,
  actor: "anonymous",
  run: async ({ input, locale }) => {
    await registerCitizen({ ...input, locale });
    redirect(`/${locale}/register/check-mail`);
  },
});

const ZConfirm = z.object({ token: z.string().max(100) });

/** The button on the confirmation page (a link alone could be followed by a mail scanner). */
export const confirmRegistrationAction = postAction({
  schema: ZConfirm,
  actor: "anonymous",
  invalid: (_formData, locale) => `/${locale}/register/confirm?invalid=1`,
  run: async ({ input, locale }) => {
    const user = await confirmRegistration({ token: input.token });
    if (!user) redirect(`/${locale}/register/confirm?invalid=1`);
    await startSession(user, "public");
    redirect(`/${locale}/account?welcome=1`);
  },
});
