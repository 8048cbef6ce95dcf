import Link from "next/link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { withQuery } from "@/lib/i18n/paths";
import { departmentList } from "@/lib/places/queries";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { letterKinds, mayorMailbox } from "@/lib/letters/kinds";
import { SimpleForm } from "@/components/form/SimpleForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { writeLetter } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageMetadata("letters", "letters:writeTitle");

/** The letter form: posts without JavaScript; anonymous writers may send a question or a suggestion. */
export default async function WriteLetterPage({ params }: Props) {
  const [{ locale, t }, departments, user] = await Promise.all([
    pageT(params, ["letters", "errors"]),
    departmentList(),
    getSessionUser(),
  ]);
  const writer = isCitizen(user) ? user : null;
  return (
    <div className="grid max-w-2xl gap-4">
      <PageHeading title={t("letters:writeTitle")} intro={t("letters:writeIntro")} />
      <p>
        {writer ? (
          t("letters:signedInAs", { name: writer.name })
        ) : (
          <Link href={withQuery(`/${locale}/sign-in`, { returnTo: `/${locale}/letters/write` })}>
            {t("letters:signInToWrite")}
          </Link>
        )}
      </p>
      <SimpleForm
        action={writeLetter}
        hidden={{ locale }}
        fields={[
          {
            name: "kind",
            type: "radio",
            label: t("letters:field.kind"),
            options: codeOptions(t, "letters:kind", letterKinds),
          },
          {
            name: "mailbox",
            type: "select",
            label: t("letters:field.mailbox"),
            options: [
              { value: mayorMailbox, label: t("letters:mayorMailbox") },
              ...departments.map((d) => ({ value: d.code, label: lt(locale, d.name, d.nameEn) })),
            ],
          },
          { name: "subject", type: "text", label: t("letters:field.subject") },
          {
            name: "content",
            type: "textarea",
            rows: 8,
            label: t("letters:field.content"),
            hint: t("letters:field.contentHint"),
          },
          {
            name: "consentToPublish",
            type: "radio",
            label: t("letters:field.consent"),
            hint: t("letters:field.consentHint"),
            options: codeOptions(t, "letters:consent", ["yes", "no"]),
          },
        ]}
        submitLabel={t("letters:submit")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
