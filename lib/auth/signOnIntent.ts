import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { cookies } from "next/headers";
import { servedOverHttps as secureCookies } from "../http/securityHeaders";

/**
 * What the portal remembers between sending someone to the sign-on and their return: which door
 * (citizen or staff), the page's language, and — when a signed-in citizen asked to link — whose
 * account and which session asked. Signed with the session secret, kept ten minutes, used once.
 */
const ZIntent = z.object({
  portal: z.enum(["public", "staff"]),
  locale: z.string().max(10),
  /** the account to link the identity to, and the hash of the session that asked */
  linkTo: z.string().max(40).nullable(),
  session: z.string().max(100).nullable(),
  exp: z.number(),
});
export type TSignOnIntent = z.infer<typeof ZIntent>;

const cookieName = () => `${secureCookies() ? "__Secure-" : ""}onestop.sign-on`;
const lifetimeSeconds = 600;
const sign = (payload: string) =>
  createHmac("sha256", `sign-on:${process.env.NEXTAUTH_SECRET}`).update(payload).digest("base64url");

export async function setSignOnIntent(intent: Omit<TSignOnIntent, "exp">): Promise<void> {
  const payload = Buffer.from(
    JSON.stringify({ ...intent, exp: Date.now() + lifetimeSeconds * 1000 }),
  ).toString("base64url");
  (await cookies()).set(cookieName(), `${payload}.${sign(payload)}`, {
    httpOnly: true,
    // the platform sends the browser back with a top-level GET: lax carries the cookie
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: lifetimeSeconds,
  });
}

/** The intent of this browser's sign-on, once: the cookie is removed as it is read. */
export async function takeSignOnIntent(): Promise<TSignOnIntent | null> {
  const store = await cookies();
  const value = store.get(cookieName())?.value;
  if (value) store.delete(cookieName());
  const [payload, signature] = value?.split(".") ?? [];
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parsed = ZIntent.safeParse(
    (() => {
      try {
        return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        return null;
      }
    })(),
  );
  return parsed.success && parsed.data.exp > Date.now() ? parsed.data : null;
}
