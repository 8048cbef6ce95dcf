"use server";

import { redirect } from "next/navigation";
import { requireCitizen } from "@/lib/auth/session";
import { markAllRead } from "@/lib/notifications/queries";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { FormError } from "@/lib/shared/errors";
import { setMyCommunities } from "@/lib/places/myCommunities";

export async function markNotificationsRead(formData: FormData): Promise<void> {
  const value = formData.get("locale");
  const locale = isLocale(value) ? value : defaultLocale;
  await markAllRead(await requireCitizen(locale, `/${locale}/account`));
  redirect(`/${locale}/account`);
}

/** Saves the resident's communities (a plain form: works without JavaScript). */
export async function saveMyCommunities(formData: FormData): Promise<void> {
  const value = formData.get("locale");
  const locale = isLocale(value) ? value : defaultLocale;
  const actor = await requireCitizen(locale, `/${locale}/account`);
  const codes = formData.getAll("communities").filter((v): v is string => typeof v === "string");
  try {
    await setMyCommunities({ actor, codes });
  } catch (error) {
    if (error instanceof FormError)
      redirect(`/${locale}/account?communitiesError=${encodeURIComponent(error.key)}#my-communities`);
    throw error;
  }
  redirect(`/${locale}/account?communitiesSaved=1#my-communities`);
}
