import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { locales } from "@/lib/i18n/settings";
import { codeOptions } from "@/lib/i18n/options";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireCitizen } from "@/lib/auth/session";
import { ownProfile } from "@/lib/users/updateProfile";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { AccountFrame } from "@/components/ui/PageFrame";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { saveProfile } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("privacy", "privacy:profile.title");

/** Correcting one's own details (个人信息保护法 Art. 46); the e-mail address is changed on its own page. */
export default async function ProfilePage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["privacy", "account", "auth", "errors", "sms"]);
  const actor = await requireCitizen(locale, `/${locale}/account/profile`);
  const profile = await orNotFound(ownProfile({ actor }));
  return (
    <AccountFrame
      title={t("privacy:profile.title")}
      intro={t("privacy:profile.intro")}
      status={param((await searchParams).saved, 1) ? t("privacy:profile.saved") : null}
    >
      <DefinitionList items={[[t("auth:email"), profile.email]]} />
      <p>
        <Link href={`/${locale}/account/email`}>{t("privacy:email.link")}</Link>
      </p>
      <p>
        <Link href={`/${locale}/account/mobile`}>{t("sms:mobile.link")}</Link> ·{" "}
        <Link href={`/${locale}/account/mobile#notify-choices`}>{t("sms:choices.link")}</Link>
      </p>
      <FormSection
        id="profile-form"
        idPrefix="profile"
        title={t("privacy:profile.title")}
        action={saveProfile}
        initialValues={{ name: profile.name, phone: profile.phone ?? "", locale: profile.locale }}
        fields={[
          field.text("name", t("privacy:profile.name"), "name"),
          field.text("phone", t("privacy:profile.phone"), "tel", { hint: t("privacy:profile.phoneHint") }),
          field.radio("locale", t("privacy:profile.locale"), codeOptions(t, "language", locales)),
        ]}
        submitLabel={t("privacy:profile.submit")}
      />
    </AccountFrame>
  );
}
