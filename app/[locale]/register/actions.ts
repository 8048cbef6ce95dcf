"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { ZRegister } from "@/lib/auth/schema";
import { startSession } from "@/lib/auth/session";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { registerCitizen } from "@/lib/users/registerCitizen";

const register = formAction(ZRegister, async (input, formData) => {
  const user = await registerCitizen(await db(), input);
  await startSession(user);
  const locale = formData.get("locale");
  redirect(`/${isLocale(locale) ? locale : defaultLocale}/account?welcome=1`);
});

export async function registerAccount(state: TFormState, formData: FormData): Promise<TFormState> {
  return register(state, formData);
}
