import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { SignInForm } from "@/components/form/SignInForm";
import { SignOnButton } from "@/components/form/SignOnButton";
import { signOnIssuer } from "@/lib/auth/signOnProviders";
import { signOnErrorKey } from "@/lib/auth/signOnClaims";
import { signInStaff, signOnStaff } from "../actions";

export const generateMetadata = staffPageMetadata("staff", "staff:signInTitle");

export default async function StaffSignInPage({ searchParams }: { searchParams: TSearchParams }) {
  if (isStaff(await getSessionUser())) redirect("/staff");
  const t = await getT(defaultLocale, ["staff", "auth", "errors"]);
  // sent back here when the second step's five minutes ran out
  const query = await searchParams;
  const expired = param(query.expired, 1) === "1";
  const signOnError = signOnErrorKey(param(query.signOnError, 40));
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:signInTitle")}</h1>
      {expired ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("errors:signInExpired")}
        </p>
      ) : null}
      {signOnError ? (
        <p role="alert" className="border-l-4 border-brand pl-3 font-bold text-brand">
          {t(`errors:${signOnError}`)}
        </p>
      ) : null}
      {signOnIssuer("staff") ? (
        <SignOnButton
          action={signOnStaff}
          hidden={{}}
          label={t("staff:signOn.button")}
          hint={t("staff:signOn.hint")}
        />
      ) : null}
      <SignInForm t={t} action={signInStaff} emailAutoComplete="username" />
    </div>
  );
}
