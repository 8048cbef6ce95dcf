import Link from "next/link";
import { redirect } from "next/navigation";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "@/components/form/SimpleForm";
import { signInCitizen } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("auth", "auth:signInTitle");

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const returnTo = safeRedirectPath(param((await searchParams).returnTo, 500), `/${locale}/account`);
  if (isCitizen(await getSessionUser())) redirect(returnTo);
  const t = await getT(locale, ["auth", "errors"]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("auth:signInTitle")}</h1>
      <p>{t("auth:signInIntro")}</p>
      <SimpleForm
        action={signInCitizen}
        hidden={{ locale, returnTo }}
        fields={[
          { name: "email", type: "email", label: t("auth:email"), autoComplete: "email" },
          { name: "password", type: "password", label: t("auth:password"), autoComplete: "current-password" },
        ]}
        submitLabel={t("auth:signIn")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
      <p>
        {t("auth:noAccount")} <Link href={`/${locale}/register`}>{t("auth:registerLink")}</Link>
      </p>
      <p className="text-sm text-muted">
        {t("auth:staffHint")} <Link href="/staff/sign-in">{t("auth:staffLink")}</Link>
      </p>
    </div>
  );
}
