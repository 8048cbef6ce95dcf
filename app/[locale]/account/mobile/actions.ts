"use server";

import { redirect } from "next/navigation";
import { accountFormAction } from "@/lib/actions/formAction";
import { clientAddress } from "@/lib/http/clientAddress";
import { ZAskMobileChange, ZConfirmMobileChange } from "@/lib/sms/schema";
import { confirmMobileChange, requestMobileChange } from "@/lib/sms/mobileAccount";
import { saveNotifyChoices, ZNotifyChoices } from "@/lib/sms/choices";

const page = (locale: string) => `/${locale}/account/mobile`;

/** Texts codes to the new number and, when there is one, the old number. */
export const askMobileChange = accountFormAction("mobile", {
  schema: ZAskMobileChange,
  run: async ({ input, actor, locale }) => {
    const { needsOldCode } = await requestMobileChange({
      actor,
      newMobile: input.newMobile,
      ip: await clientAddress(),
    });
    const query = new URLSearchParams({ sent: needsOldCode ? "both" : "new", m: input.newMobile });
    redirect(`${page(locale)}?${query}#mobile-confirm`);
  },
});

/** Changes the number with both codes. */
export const confirmMobile = accountFormAction("mobile", {
  schema: ZConfirmMobileChange,
  run: async ({ input, actor, locale }) => {
    await confirmMobileChange({
      actor,
      newMobile: input.newMobile,
      newCode: input.newCode,
      oldCode: input.oldCode || undefined,
      ip: await clientAddress(),
    });
    redirect(`${page(locale)}?changed=1`);
  },
});

/** Saves, per kind of notice, e-mail, SMS or both. */
export const saveChoices = accountFormAction("mobile", {
  schema: ZNotifyChoices,
  run: async ({ input, actor, locale }) => {
    await saveNotifyChoices({ actor, choices: input });
    redirect(`${page(locale)}?saved=1#notify-choices`);
  },
});
