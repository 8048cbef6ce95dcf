import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { field } from "@/components/form/fields";
import { Breadcrumb, PageHeading } from "@/components/ui/PageHeading";
import { lookUpLetter } from "./actions";

export const generateMetadata = pageMetadata("letters", "letters:lookupTitle");

/**
 * 查询信件: a letter number and its 查询码, posted (no JavaScript needed) so the code never travels in
 * a URL; a match opens the letter's page, which reads the code from a short-lived cookie.
 */
export default async function LetterLookupPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["letters", "account", "errors"]);
  return (
    <div className="grid max-w-2xl gap-4">
      <Breadcrumb
        label={t("breadcrumb")}
        links={[{ href: `/${locale}/letters`, label: t("letters:listTitle") }]}
      />
      <PageHeading title={t("letters:lookupTitle")} intro={t("letters:lookupIntro")} />
      <TranslatedForm
        action={lookUpLetter}
        hidden={{ locale }}
        fields={[
          field.text("number", t("letters:letterNumber"), "off", { hint: t("letters:lookupNumberHint") }),
          field.text("accessCode", t("letters:lookupCode"), "off", { hint: t("letters:lookupCodeHint") }),
        ]}
        submitLabel={t("letters:lookupSubmit")}
      />
    </div>
  );
}
