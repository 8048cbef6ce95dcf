"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { clientAddress } from "@/lib/http/clientAddress";
import { startSession } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { isLocale } from "@/lib/i18n/settings";
import { ZAskSignInCode, ZSignInByCode } from "@/lib/sms/schema";
import { requestSignInCode, signInWithSmsCode } from "@/lib/sms/mobileAccount";

const backTo = (formData: FormData, locale: string) =>
  safeRedirectPath(formData.get("returnTo"), `/${locale}/account`);

/** Texts a sign-in code to the number; the page then asks for it. */
export const askSignInCode = formAction({
  schema: ZAskSignInCode,
  actor: "anonymous",
  run: async ({ input, formData, locale }) => {
    await requestSignInCode({ mobile: input.mobile, ip: await clientAddress() });
    const query = new URLSearchParams({ sent: "1", m: input.mobile, returnTo: backTo(formData, locale) });
    redirect(`/${locale}/sign-in/mobile?${query}`);
  },
});

/** Signs in (or registers the number) with the code it received. */
export const signInByCode = formAction({
  schema: ZSignInByCode,
  actor: "anonymous",
  run: async ({ input, formData, locale }) => {
    const user = await signInWithSmsCode({
      ...input,
      locale: isLocale(locale) ? locale : undefined,
      ip: await clientAddress(),
    });
    await startSession(user, "public");
    redirect(backTo(formData, locale));
  },
});
