import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { SignInForm } from "@/components/form/SignInForm";
import { signInStaff } from "../actions";

export const generateMetadata = staffPageMetadata("staff", "staff:signInTitle");

export default async function StaffSignInPage() {
  if (isStaff(await getSessionUser())) redirect("/staff");
  const t = await getT(defaultLocale, ["staff", "auth", "errors"]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:signInTitle")}</h1>
      <SignInForm t={t} action={signInStaff} emailAutoComplete="username" />
    </div>
  );
}
