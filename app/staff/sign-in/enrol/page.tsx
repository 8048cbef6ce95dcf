import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { openChallenge } from "@/lib/auth/secondFactor";
import { challengeCookieSecret } from "@/lib/auth/challengeCookie";
import { groupedSecret, totpQrCode } from "@/lib/auth/totpQrCode";
import { buttonClass } from "@/components/ui/Button";
import { CodeForm } from "@/components/form/CodeForm";
import { confirmStaffEnrolment } from "./actions";

export const generateMetadata = staffPageMetadata("staff", "staff:twoFactor.enrolTitle");

/**
 * Enrolment, for staff who gave the right password but have no authenticator yet: a QR code and
 * the secret as text, then a code from the app to confirm. On success the same form shows the
 * recovery codes once (the page renders again with the session started and the challenge gone,
 * so it keeps the form in place for its result).
 */
export default async function StaffEnrolPage() {
  const [t, user, challenge] = await Promise.all([
    getT(defaultLocale, ["staff", "errors"]),
    getSessionUser(),
    challengeCookieSecret().then((secret) => openChallenge({ secret })),
  ]);
  if (!challenge && !isStaff(user)) redirect("/staff/sign-in?expired=1");
  if (challenge?.step === "code") redirect("/staff/sign-in/code");
  const secret = challenge?.pendingSecret ?? null;
  const qr = secret
    ? await totpQrCode({ secret, issuer: t("staff:twoFactor.issuer"), account: challenge!.email })
    : null;
  const next = (
    <Link href={challenge?.returnTo ?? "/staff"} className={buttonClass("primary", "justify-self-start")}>
      {t("staff:twoFactor.continue")}
    </Link>
  );
  const form = (
    <CodeForm
      action={confirmStaffEnrolment}
      name="code"
      label={t("staff:twoFactor.code")}
      hint={t("staff:twoFactor.enrolCodeHint")}
      submitLabel={t("staff:twoFactor.confirm")}
      messages={errorMessages(t, { staff: true })}
      errorTitle={t("errors:summaryTitle")}
      shownOnce={{
        title: t("staff:twoFactor.recoveryCodesTitle"),
        intro: t("staff:twoFactor.recoveryCodesIntro"),
        next,
      }}
      // signed in already, nothing to confirm: only the way on (codes just made are shown first)
      instead={secret ? undefined : next}
    />
  );
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:twoFactor.enrolTitle")}</h1>
      {secret && qr ? (
        <>
          <p className="max-w-2xl">{t("staff:twoFactor.enrolIntro")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={qr} alt={t("staff:twoFactor.qrAlt")} width={246} height={246} className="border" />
          <p>
            {t("staff:twoFactor.secretText")}{" "}
            <code className="font-mono text-lg">{groupedSecret(secret)}</code>
          </p>
        </>
      ) : null}
      {form}
    </div>
  );
}
