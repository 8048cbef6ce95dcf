import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { errorMessages } from "@/lib/i18n/messages";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { openChallenge } from "@/lib/auth/secondFactor";
import { challengeCookieSecret } from "@/lib/auth/challengeCookie";
import { CodeForm } from "@/components/form/CodeForm";
import { verifyStaffCode, verifyStaffRecoveryCode } from "./actions";

export const generateMetadata = staffPageMetadata("staff", "staff:twoFactor.codeTitle");

/**
 * The second step of a staff sign-in, after a right password: the authenticator's code, or
 * (through a link, so it works without JavaScript) one of the recovery codes.
 */
export default async function StaffCodePage({ searchParams }: { searchParams: TSearchParams }) {
  if (isStaff(await getSessionUser())) redirect("/staff");
  const challenge = await openChallenge({ secret: await challengeCookieSecret() });
  if (!challenge) redirect("/staff/sign-in?expired=1");
  if (challenge.step === "enrol") redirect("/staff/sign-in/enrol");
  const recovery = param((await searchParams).recovery, 1) === "1";
  const t = await getT(defaultLocale, ["staff", "errors"]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:twoFactor.codeTitle")}</h1>
      {/* the authenticator's code, or one of the recovery codes; a link switches to the other */}
      <p className="max-w-2xl">
        {recovery ? t("staff:twoFactor.recoveryIntro") : t("staff:twoFactor.codeIntro")}
      </p>
      <CodeForm
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
        action={recovery ? verifyStaffRecoveryCode : verifyStaffCode}
        name={recovery ? "recoveryCode" : "code"}
        label={recovery ? t("staff:twoFactor.recoveryCode") : t("staff:twoFactor.code")}
        hint={recovery ? t("staff:twoFactor.recoveryHint") : t("staff:twoFactor.codeHint")}
        submitLabel={t("staff:twoFactor.verify")}
      />
      {recovery ? (
        <Link href="/staff/sign-in/code">{t("staff:twoFactor.useAuthenticator")}</Link>
      ) : (
        <Link href="/staff/sign-in/code?recovery=1">{t("staff:twoFactor.useRecovery")}</Link>
      )}
    </div>
  );
}
