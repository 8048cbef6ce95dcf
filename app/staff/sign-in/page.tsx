import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { SignInForm } from "@/components/form/SignInForm";
import { signInStaff } from "../actions";

export const generateMetadata = staffPageMetadata("staff", "staff:signInTitle");

export default async function StaffSignInPage({ searchParams }: { searchParams: TSearchParams }) {
  if (isStaff(await getSessionUser())) redirect("/staff");
  const t = await getT(defaultLocale, ["staff", "auth", "errors"]);
  // sent back here when the second step's five minutes ran out
  const expired = param((await searchParams).expired, 1) === "1";
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:signInTitle")}</h1>
      {expired ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("errors:signInExpired")}
        </p>
      ) : null}
      <SignInForm t={t} action={signInStaff} emailAutoComplete="username" />
    </div>
  );
}
