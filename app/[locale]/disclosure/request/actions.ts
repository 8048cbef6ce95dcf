"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { withQuery } from "@/lib/i18n/paths";

/** Files a 依申请公开 request, signed in or not, and shows its number and 查询码. */
export const fileDisclosureRequest = formAction({
  schema: ZDisclosureRequest,
  actor: "any",
  run: async ({ input, actor, locale }) => {
    const { trackingNumber, accessCode } = await submitDisclosureRequest({ actor, request: input });
    redirect(
      withQuery(`/${locale}/disclosure/request/confirmation`, { number: trackingNumber, code: accessCode }),
    );
  },
});
