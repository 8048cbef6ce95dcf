"use server";

import { redirect } from "next/navigation";
import { localeOf } from "@/lib/actions/formAction";
import { keepTrackingLookup, lookupParam, postedText } from "@/lib/http/trackingLookup";

/**
 * 办件查询 by POST: the 办件编号 and 查询码 go to the tracking page in a short-lived cookie, not in
 * its URL; the page checks them (ZTrack, limited guesses) and shows the result or the errors.
 */
export async function lookUpCase(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const id = await keepTrackingLookup({
    trackingNumber: postedText(formData, "trackingNumber"),
    accessCode: postedText(formData, "accessCode"),
  });
  redirect(`/${locale}/track?${lookupParam}=${id}`);
}
