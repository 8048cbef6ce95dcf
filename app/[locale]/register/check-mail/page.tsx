import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { smtpConfigured } from "@/lib/mail/sendMail";
import { PageHeading } from "@/components/ui/PageHeading";

export const generateMetadata = pageMetadata("auth", "auth:checkMailTitle");

/**
 * Where every registration ends, new address or not: the mail says which it was. A portal run
 * without a mail server (development, a demo) says where its mail is kept instead, the same for everyone.
 */
export default async function CheckMailPage({ params }: TLocaleProps) {
  const { t } = await pageT(params, ["auth"]);
  return (
    <>
      <PageHeading title={t("auth:checkMailTitle")} intro={t("auth:checkMailBody")} />
      {smtpConfigured() ? null : <p className="max-w-2xl">{t("auth:checkMailNoSmtp")}</p>}
    </>
  );
}
