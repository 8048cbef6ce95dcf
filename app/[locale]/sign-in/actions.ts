"use server";

import type { TFormState } from "@/lib/actions/formState";
import { signInAction } from "@/lib/auth/signInAction";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

export async function signInCitizen(state: TFormState, formData: FormData): Promise<TFormState> {
  const locale = formData.get("locale");
  return signInAction("public", `/${isLocale(locale) ? locale : defaultLocale}/account`)(state, formData);
}
