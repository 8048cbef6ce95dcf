"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { confirmSubscription, subscribe, ZSubscribe } from "@/lib/notices/subscriptions";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

const start = formAction(ZSubscribe, async (input) => {
  await subscribe(await db(), input);
  redirect(`/${input.locale}/notices/subscribe?sent=1`);
});

export async function subscribeAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return start(state, formData);
}

const ZConfirm = z.object({ token: z.string().max(100), locale: z.string() });

/** The button on the confirmation page (a link alone could be followed by a mail scanner). */
export async function confirmAction(formData: FormData): Promise<void> {
  const parsed = ZConfirm.safeParse(Object.fromEntries(formData));
  const locale = parsed.success && isLocale(parsed.data.locale) ? parsed.data.locale : defaultLocale;
  const ok = parsed.success && (await confirmSubscription(await db(), parsed.data.token));
  redirect(`/${locale}/notices/subscribe/confirm?${ok ? "done=1" : "invalid=1"}`);
}
