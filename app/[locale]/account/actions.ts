"use server";

import { redirect } from "next/navigation";
import { requireCitizen } from "@/lib/auth/session";
import { markAllRead } from "@/lib/notifications/queries";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

export async function markNotificationsRead(formData: FormData): Promise<void> {
  const value = formData.get("locale");
  const locale = isLocale(value) ? value : defaultLocale;
  await markAllRead(await requireCitizen(locale, `/${locale}/account`));
  redirect(`/${locale}/account`);
}
