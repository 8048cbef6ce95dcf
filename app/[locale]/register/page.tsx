import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { codeOptions } from "@/lib/i18n/options";
import { citizenAccountTypes } from "@/lib/auth/schema";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { field } from "@/components/form/fields";
import { PageHeading } from "@/components/ui/PageHeading";
import { registerAccount } from "./actions";

export const generateMetadata = pageMetadata("auth", "auth:registerTitle");

export default async function RegisterPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["auth", "errors", "catalog", "privacy"]);
  const accountTypes = codeOptions(t, "auth:accountTypes", citizenAccountTypes);
  return (
    <div className="grid gap-4">
      <PageHeading title={t("auth:registerTitle")} intro={t("auth:registerIntro")} />
      <p>
        {t("privacy:registerNote")} <Link href={`/${locale}/privacy`}>{t("privacy:title")}</Link>
      </p>
      <TranslatedForm
        action={registerAccount}
        hidden={{ locale }}
        fields={[
          field.radio("accountType", t("auth:accountType"), accountTypes),
          field.text("name", t("auth:name"), "name", { hint: t("auth:nameHint") }),
          field.email("email", t("auth:email"), "email"),
          field.password("password", t("auth:password"), "new-password", { hint: t("auth:passwordHint") }),
          field.password("confirm", t("auth:confirm"), "new-password", {
            errorName: t("auth:confirmErrorName"),
          }),
        ]}
        submitLabel={t("auth:register")}
      />
      <p>
        {t("auth:haveAccount")} <Link href={`/${locale}/sign-in`}>{t("auth:signInLink")}</Link>
      </p>
    </div>
  );
}
