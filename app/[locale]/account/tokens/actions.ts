"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireCitizen } from "@/lib/auth/session";
import { secureCookies } from "@/lib/auth/options";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { NotFoundError } from "@/lib/shared/errors";
import { createApiToken, newTokenCookie, revokeApiToken, ZTokenName } from "@/lib/users/apiTokens";

const ZLocale = z.string().transform((value) => (isLocale(value) ? value : defaultLocale));
const pagePath = (locale: string) => `/${locale}/account/tokens`;
// the new token travels to the page that shows it in a cookie for this page only, for a minute
const flashCookie = (locale: string, maxAge: number) => ({
  httpOnly: true,
  sameSite: "strict" as const,
  secure: secureCookies(),
  path: pagePath(locale),
  maxAge,
});

const create = formAction(z.object({ locale: ZLocale, name: ZTokenName }), async (input) => {
  const actor = await requireCitizen(input.locale, pagePath(input.locale));
  const created = await createApiToken(await db(), { actor, name: input.name });
  (await cookies()).set(newTokenCookie, created.token, flashCookie(input.locale, 60));
  redirect(`${pagePath(input.locale)}?created=1`);
});

const revoke = formAction(z.object({ locale: ZLocale, id: z.string().min(1).max(64) }), async (input) => {
  const actor = await requireCitizen(input.locale, pagePath(input.locale));
  try {
    await revokeApiToken(await db(), { actor, id: input.id });
  } catch (error) {
    // already revoked (a second click): either way it no longer works
    if (!(error instanceof NotFoundError)) throw error;
  }
  const store = await cookies();
  if (store.has(newTokenCookie)) store.set(newTokenCookie, "", flashCookie(input.locale, 0));
  redirect(`${pagePath(input.locale)}?revoked=1`);
});

export async function createToken(state: TFormState, formData: FormData): Promise<TFormState> {
  return create(state, formData);
}

export async function revokeToken(state: TFormState, formData: FormData): Promise<TFormState> {
  return revoke(state, formData);
}
