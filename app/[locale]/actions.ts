"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";

export async function signOut(formData: FormData): Promise<void> {
  await endSession();
  redirect(safeRedirectPath(formData.get("returnTo"), "/"));
}
