import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { withQuery } from "@/lib/i18n/paths";
import { departmentList } from "@/lib/places/queries";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { maxLetterFiles } from "@/lib/letters/submitLetter";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { SimpleForm } from "@/components/form/SimpleForm";
import { letterRoutingFields } from "@/components/letters/routingFields";
import { PageHeading } from "@/components/ui/PageHeading";
import { WithName, nameSlot } from "@/components/ui/LocalText";
import { writeLetter } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("letters", "letters:writeTitle");

/** The letter form: posts without JavaScript; anonymous writers may send a question or a suggestion. */
export default async function WriteLetterPage({ params, searchParams }: Props) {
  const [{ locale, t }, departments, user] = await Promise.all([
    pageT(params, ["letters", "errors"]),
    departmentList(),
    getSessionUser(),
  ]);
  const writer = isCitizen(user) ? user : null;
  // a signed-in writer may attach files: the form then posts (multipart) to its form route
  const returned = writer
    ? await returnedFormState({ actor: writer, id: (await searchParams)[formReturnParam] })
    : null;
  return (
    <div className="grid max-w-2xl gap-4">
      <PageHeading title={t("letters:writeTitle")} intro={t("letters:writeIntro")} />
      <p>
        {writer ? (
          <WithName
            locale={locale}
            sentence={t("letters:signedInAs", { name: nameSlot })}
            name={writer.name}
          />
        ) : (
          <Link href={withQuery(`/${locale}/sign-in`, { returnTo: `/${locale}/letters/write` })}>
            {t("letters:signInToWrite")}
          </Link>
        )}
      </p>
      <SimpleForm
        {...(writer ? { postTo: "/api/forms/letter-write", returned } : { action: writeLetter })}
        hidden={{ locale }}
        fields={[
          ...letterRoutingFields(t, locale, departments),
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
          ...(writer
            ? [
                {
                  name: "files",
                  type: "file" as const,
                  multiple: true,
                  accept: "application/pdf,image/jpeg,image/png",
                  label: t("letters:field.files"),
                  hint: t("letters:field.filesHint", { count: maxLetterFiles }),
                },
              ]
            : []),
        ]}
        submitLabel={t("letters:submit")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
