"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { confirmSubscription, subscribe, ZSubscribe } from "@/lib/notices/subscriptions";

export const subscribeAction = formAction({
  schema: ZSubscribe,
  actor: "anonymous",
  run: async ({ input }) => {
    await subscribe(input);
    redirect(`/${input.locale}/notices/subscribe?sent=1`);
  },
});

const ZConfirm = z.object({ token: z.string().max(100) });

/** The button on the confirmation page (a link alone could be followed by a mail scanner). */
export const confirmAction = postAction({
  schema: ZConfirm,
  actor: "anonymous",
  invalid: (_formData, locale) => `/${locale}/notices/subscribe/confirm?invalid=1`,
  run: async ({ input, locale }) => {
    const ok = await confirmSubscription({ token: input.token });
    redirect(`/${locale}/notices/subscribe/confirm?${ok ? "done=1" : "invalid=1"}`);
  },
});
