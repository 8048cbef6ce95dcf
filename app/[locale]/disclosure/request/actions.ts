"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { keepTrackingLookup, lookupParam } from "@/lib/http/trackingLookup";

/** Files a 依申请公开 request, signed in or not, and shows its number and 查询码. */
export const fileDisclosureRequest = formAction({
  schema: ZDisclosureRequest,
  actor: "any",
  run: async ({ input, actor, locale }) => {
    const { trackingNumber, accessCode } = await submitDisclosureRequest({ actor, request: input });
    // the 查询码 goes to the confirmation page in a short-lived cookie, never in its URL
    const lookup = await keepTrackingLookup({ trackingNumber, accessCode });
    redirect(`/${locale}/disclosure/request/confirmation?${lookupParam}=${lookup}`);
  },
});
