"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { getSessionUser } from "@/lib/auth/session";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { withQuery } from "@/lib/i18n/paths";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

const file = formAction(ZDisclosureRequest, async (request, formData) => {
  const value = formData.get("locale");
  const locale = isLocale(value) ? value : defaultLocale;
  const { trackingNumber, accessCode } = await submitDisclosureRequest(await db(), {
    actor: await getSessionUser(),
    request,
  });
  redirect(
    withQuery(`/${locale}/disclosure/request/confirmation`, { number: trackingNumber, code: accessCode }),
  );
});

export async function fileDisclosureRequest(state: TFormState, formData: FormData): Promise<TFormState> {
  return file(state, formData);
}
