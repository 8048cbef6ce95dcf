import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { FormError, formAction } from "../actions/formAction";
import { safeLocalPath } from "../i18n/paths";
import { ZSignIn } from "./schema";
import { startSession } from "./session";
import { verifyCredentials } from "./verifyCredentials";
import type { TPortal } from "./types";

/** The sign-in form action for one door; on success it goes to the return path or `home`. */
export function signInAction(portal: TPortal, home: string) {
  return formAction(ZSignIn, async (input, formData) => {
    const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    const result = await verifyCredentials(await db(), { ...input, portal, ip });
    if (!result.ok) throw new FormError(result.error === "locked" ? "accountLocked" : "signInFailed");
    await startSession(result.user);
    redirect(safeLocalPath(formData.get("returnTo"), home));
  });
}
