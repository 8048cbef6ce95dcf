import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireCitizen } from "@/lib/auth/session";
import { ownProfile } from "@/lib/users/updateProfile";
import { emailChangeHours } from "@/lib/users/emailChange";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { AccountFrame } from "@/components/ui/PageFrame";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { askEmailChange } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("privacy", "privacy:email.title");

/** Changing one's e-mail address: the new one is confirmed by a link mailed to it. */
export default async function EmailPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["privacy", "account", "auth", "errors"]);
  const actor = await requireCitizen(locale, `/${locale}/account/email`);
  const profile = await orNotFound(ownProfile({ actor }));
  return (
    <AccountFrame
      trail={[{ href: `/${locale}/account/profile`, label: t("privacy:profile.title") }]}
      title={t("privacy:email.title")}
      intro={t("privacy:email.intro", { hours: emailChangeHours })}
      status={
        param((await searchParams).sent, 1) ? t("privacy:email.sent", { hours: emailChangeHours }) : null
      }
    >
      <DefinitionList items={[[t("privacy:email.current"), profile.email]]} />
      <FormSection
        id="email-form"
        idPrefix="email"
        title={t("privacy:email.title")}
        action={askEmailChange}
        hidden={{ locale }}
        messages={{
          passwordWrong: t("privacy:email.passwordWrong"),
          emailUnchanged: t("privacy:email.emailUnchanged"),
        }}
        fields={[
          field.email("newEmail", t("privacy:email.newEmail"), "email"),
          field.password("password", t("privacy:email.password"), "current-password"),
        ]}
        submitLabel={t("privacy:email.submit")}
      />
    </AccountFrame>
  );
}
