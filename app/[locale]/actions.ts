"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";
import { secureCookies } from "@/lib/auth/options";
import { elderCookie } from "@/lib/i18n/request";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";

/** Turns 适老化 elder mode on or off (a cookie kept for a year) and returns to the page. */
export async function toggleElderMode(formData: FormData): Promise<void> {
  const on = formData.get("elder") === "1";
  const store = await cookies();
  if (on)
    store.set(elderCookie, "1", {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "lax",
      httpOnly: true,
      secure: secureCookies(),
    });
  else store.delete(elderCookie);
  redirect(safeRedirectPath(formData.get("returnTo"), "/"));
}

export async function signOut(formData: FormData): Promise<void> {
  await endSession();
  redirect(safeRedirectPath(formData.get("returnTo"), "/"));
}
