/**
 * The cookie that carries a posted 办件编号 and 查询码 to the page showing the result (see
 * trackingLookup.ts). Free of `server-only`: proxy.ts reads it to limit guesses before the page
 * renders, as it reads a lookup's query.
 */
import { z } from "zod";
import { servedOverHttps } from "./securityHeaders";

export const trackingCookieName = () => `${servedOverHttps() ? "__Secure-" : ""}onestop-track`;

const ZLookup = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  trackingNumber: z.string().max(40),
  accessCode: z.string().max(20),
});
export type TTrackingLookup = z.infer<typeof ZLookup>;

/** The `lookup` query parameter naming the kept lookup. */
export const lookupParam = "lookup";

export function encodeTrackingLookup(value: TTrackingLookup): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The lookup in the cookie when it is the one the page's `lookup` parameter names; else null. */
export function decodeTrackingLookup(raw: string | undefined, id: unknown): TTrackingLookup | null {
  if (!raw || typeof id !== "string") return null;
  try {
    const parsed = ZLookup.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.id === id ? parsed.data : null;
  } catch {
    return null;
  }
}
