import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { ownMobile } from "@/lib/sms/mobileAccount";
import { notifyChoicesOf, notifyKinds } from "@/lib/sms/choices";
import { normaliseMobile } from "@/lib/sms/templates";
import { codeOptions } from "@/lib/i18n/options";
import { FormSection } from "@/components/form/FormSection";
import { MobileCodeForms } from "@/components/form/MobileCodeForms";
import { field } from "@/components/form/fields";
import { Breadcrumb, PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { askMobileChange, confirmMobile, saveChoices } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("sms", "sms:mobile.title");

/** The account's mobile number (added or changed with texted codes) and how each kind of notice reaches them. */
export default async function MobilePage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["sms", "account", "privacy", "errors"]);
  const actor = await requireCitizen(locale, `/${locale}/account/mobile`);
  const [mobile, choices] = await Promise.all([ownMobile({ actor }), notifyChoicesOf({ actor })]);
  const query = await searchParams;
  const sent = param(query.sent, 4);
  const newMobile = normaliseMobile(param(query.m, 30) ?? "") ?? "";
  const status = param(query.changed, 1)
    ? t("sms:mobile.changed")
    : param(query.saved, 1)
      ? t("sms:choices.saved")
      : sent === "both"
        ? t("sms:mobile.sentBoth")
        : sent === "new"
          ? t("sms:mobile.sentNew")
          : null;
  const channel = (kind: (typeof notifyKinds)[number]) => {
    const { email, sms } = choices[kind];
    return email && sms ? "both" : sms ? "sms" : "email";
  };
  const channels = codeOptions(t, "sms:choices", ["email", "sms", "both"]);
  return (
    <div className="grid gap-6">
      <Breadcrumb
        label={t("breadcrumb")}
        links={[
          { href: `/${locale}/account`, label: t("account:title") },
          { href: `/${locale}/account/profile`, label: t("privacy:profile.title") },
        ]}
      />
      <PageHeading title={t("sms:mobile.title")} intro={t("sms:mobile.intro")} />
      {status ? <StatusNote>{status}</StatusNote> : null}
      <DefinitionList items={[[t("sms:mobile.current"), mobile ?? t("sms:mobile.none")]]} />
      <MobileCodeForms
        purpose="mobile"
        actions={[askMobileChange, confirmMobile]}
        hidden={{ locale }}
        typed={{ mobile: newMobile, sent: !!sent }}
        more={mobile ? [field.text("oldCode", t("sms:mobile.oldCode"), "off")] : []}
      />
      <FormSection
        id="notify-choices"
        title={t("sms:choices.title")}
        intro={t("sms:choices.intro")}
        action={saveChoices}
        hidden={{ locale }}
        initialValues={Object.fromEntries(notifyKinds.map((kind) => [kind, channel(kind)]))}
        fields={notifyKinds.map((kind) => field.radio(kind, t(`sms:choices.kind.${kind}`), channels))}
        submitLabel={t("sms:choices.submit")}
      />
      {!mobile ? <p className="text-sm text-muted">{t("sms:choices.noMobile")}</p> : null}
    </div>
  );
}
