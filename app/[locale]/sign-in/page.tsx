import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { SignInForm } from "@/components/form/SignInForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { SignOnButton } from "@/components/form/SignOnButton";
import { signOnIssuer } from "@/lib/auth/signOnProviders";
import { signOnErrorKey } from "@/lib/auth/signOnClaims";
import { signInCitizen, signOnCitizen } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("auth", "auth:signInTitle");

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["auth", "errors", "privacy", "sms"]);
  const query = await searchParams;
  const returnTo = safeRedirectPath(param(query.returnTo, 500), `/${locale}/account`);
  if (isCitizen(await getSessionUser())) redirect(returnTo);
  const signOnError = signOnErrorKey(param(query.signOnError, 40));
  return (
    <div className="grid gap-4">
      <PageHeading title={t("auth:signInTitle")} intro={t("auth:signInIntro")} />
      {param(query.closed, 1) ? <StatusNote>{t("privacy:close.done")}</StatusNote> : null}
      {signOnError ? <StatusNote alert>{t(`errors:${signOnError}`)}</StatusNote> : null}
      {/* before the password form: the password form's button stays the page's last */}
      {signOnIssuer("public") ? (
        <SignOnButton
          action={signOnCitizen}
          hidden={{ locale, signOnReturnTo: returnTo }}
          label={t("auth:signOn.button")}
          hint={t("auth:signOn.hint")}
        />
      ) : null}
      <SignInForm t={t} action={signInCitizen} hidden={{ locale, returnTo }} />
      <p>
        <Link href={`/${locale}/sign-in/mobile?returnTo=${encodeURIComponent(returnTo)}`}>
          {t("sms:signIn.link")}
        </Link>
      </p>
      <p>
        {t("auth:noAccount")} <Link href={`/${locale}/register`}>{t("auth:registerLink")}</Link>
      </p>
      <p className="text-sm text-muted">
        {t("auth:staffHint")} <Link href="/staff/sign-in">{t("auth:staffLink")}</Link>
      </p>
    </div>
  );
}
