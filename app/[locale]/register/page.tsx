import Link from "next/link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { citizenAccountTypes } from "@/lib/auth/schema";
import { SimpleForm } from "@/components/form/SimpleForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { registerAccount } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageMetadata("auth", "auth:registerTitle");

export default async function RegisterPage({ params }: Props) {
  const { locale, t } = await pageT(params, ["auth", "errors", "catalog", "privacy"]);
  return (
    <div className="grid gap-4">
      <PageHeading title={t("auth:registerTitle")} intro={t("auth:registerIntro")} />
      <p>
        {t("privacy:registerNote")} <Link href={`/${locale}/privacy`}>{t("privacy:title")}</Link>
      </p>
      <SimpleForm
        action={registerAccount}
        hidden={{ locale }}
        fields={[
          {
            name: "accountType",
            type: "radio",
            label: t("auth:accountType"),
            options: codeOptions(t, "auth:accountTypes", citizenAccountTypes),
          },
          {
            name: "name",
            type: "text",
            label: t("auth:name"),
            hint: t("auth:nameHint"),
            autoComplete: "name",
          },
          { name: "email", type: "email", label: t("auth:email"), autoComplete: "email" },
          {
            name: "password",
            type: "password",
            label: t("auth:password"),
            hint: t("auth:passwordHint"),
            autoComplete: "new-password",
          },
          {
            name: "confirm",
            type: "password",
            label: t("auth:confirm"),
            errorName: t("auth:confirmErrorName"),
            autoComplete: "new-password",
          },
        ]}
        submitLabel={t("auth:register")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
      <p>
        {t("auth:haveAccount")} <Link href={`/${locale}/sign-in`}>{t("auth:signInLink")}</Link>
      </p>
    </div>
  );
}
