import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { servedOverHttps } from "./securityHeaders";
import {
  decodeTrackingLookup,
  encodeTrackingLookup,
  trackingCookieName,
  type TTrackingLookup,
} from "./trackingCookie";

export { lookupParam } from "./trackingCookie";

/**
 * A 办件编号 and 查询码 sent by POST (the tracking form, a confirmation page's "track it"), carried
 * to the page that shows the result in a short-lived httpOnly cookie instead of the URL, so the
 * 查询码 never appears in an address, a browser's history or a server's log. The page's URL holds
 * only a random `lookup` id that must match the cookie's: a bare visit shows an empty form.
 */
const lifetimeSeconds = 10 * 60;

/** Keeps what was posted (cut to the form's limits) for the next page; answers its lookup id. */
export async function keepTrackingLookup(input: {
  trackingNumber: string;
  accessCode: string;
}): Promise<string> {
  const id = randomBytes(8).toString("hex");
  const value: TTrackingLookup = {
    id,
    trackingNumber: input.trackingNumber.slice(0, 40),
    accessCode: input.accessCode.slice(0, 20),
  };
  (await cookies()).set(trackingCookieName(), encodeTrackingLookup(value), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(),
    maxAge: lifetimeSeconds,
  });
  return id;
}

/** The lookup kept under `id` (the page's `lookup` parameter), or null. */
export async function keptTrackingLookup(id: unknown): Promise<TTrackingLookup | null> {
  return decodeTrackingLookup((await cookies()).get(trackingCookieName())?.value, id);
}

/** A posted form field as text (a file or nothing is empty). */
export function postedText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
