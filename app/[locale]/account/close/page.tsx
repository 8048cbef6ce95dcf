import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { requireCitizen } from "@/lib/auth/session";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { AccountFrame } from "@/components/ui/PageFrame";
import { closeMyAccount } from "./actions";

export const generateMetadata = pageMetadata("privacy", "privacy:close.title");

/** Closing one's account (个人信息保护法 Art. 47): what goes, what stays as a record, then the password to confirm. */
export default async function CloseAccountPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["privacy", "account", "auth", "errors"]);
  await requireCitizen(locale, `/${locale}/account/close`);
  return (
    <AccountFrame title={t("privacy:close.title")} intro={t("privacy:close.intro")}>
      <ul className="ml-6 grid max-w-2xl list-disc gap-1">
        <li>{t("privacy:close.erased")}</li>
        <li>{t("privacy:close.kept")}</li>
      </ul>
      <p>
        {t("privacy:close.beforeYouGo")}{" "}
        <Link href={`/${locale}/account/data`}>{t("privacy:account.link")}</Link>
      </p>
      <FormSection
        id="close-form"
        idPrefix="close"
        title={t("privacy:close.title")}
        framed
        action={closeMyAccount}
        hidden={{ locale }}
        messages={{ passwordWrong: t("privacy:close.passwordWrong") }}
        fields={[field.password("password", t("privacy:close.password"), "current-password")]}
        submitLabel={t("privacy:close.submit")}
        tone="warning"
      />
    </AccountFrame>
  );
}
