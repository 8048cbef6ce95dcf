import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { emailChangeFor } from "@/lib/users/emailChange";
import { FormSection } from "@/components/form/FormSection";
import { PageHeading } from "@/components/ui/PageHeading";
import { confirmNewEmail } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("privacy", "privacy:email.confirmTitle");

/**
 * Where the link mailed to a new address leads: a button to make the change (opening the link
 * alone changes nothing, so a mail scanner that fetches it does no harm). No sign-in needed: the
 * link is the proof that the mail arrived, the password was given when the change was asked for.
 */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([pageT(params, ["privacy", "errors"]), searchParams]);
  const token = param(query.token, 100) ?? "";
  const done = !!param(query.done, 1);
  const change = done ? null : await emailChangeFor({ token });
  return (
    <div className="grid gap-4">
      <PageHeading title={t("privacy:email.confirmTitle")} />
      {done ? (
        <>
          <p role="status" className="border-l-4 border-brand pl-3">
            {t("privacy:email.changed")}
          </p>
          <p>
            <Link href={`/${locale}/sign-in`}>{t("privacy:email.signIn")}</Link>
          </p>
        </>
      ) : change ? (
        <FormSection
          id="confirm-email"
          idPrefix="confirm-email"
          title={t("privacy:email.confirmTitle")}
          intro={t("privacy:email.confirmAsk", { email: change.newEmail })}
          framed
          action={confirmNewEmail}
          hidden={{ locale, token }}
          messages={{ linkInvalid: t("privacy:email.invalid") }}
          fields={[]}
          submitLabel={t("privacy:email.confirmSubmit")}
        />
      ) : (
        <p role="alert" className="border-l-4 border-brand pl-3 font-bold">
          {t("privacy:email.invalid")}
        </p>
      )}
    </div>
  );
}
