import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { requireCitizen } from "@/lib/auth/session";
import { exportPersonalData } from "@/lib/users/personalData";
import { PersonalDataView } from "@/components/account/PersonalDataView";
import { Breadcrumb, PageHeading } from "@/components/ui/PageHeading";
import { buttonClass } from "@/components/ui/Button";

export const generateMetadata = pageMetadata("privacy", "privacy:account.title");

/** Everything held about the signed-in citizen, to read or print, with the JSON download and the other rights beside it. */
export default async function PersonalDataPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["privacy", "account"]);
  const actor = await requireCitizen(locale, `/${locale}/account/data`);
  const data = await exportPersonalData({ actor, format: "html" });
  return (
    <div className="grid gap-6">
      <Breadcrumb label={t("breadcrumb")} links={[{ href: `/${locale}/account`, label: t("account:title") }]} />
      <PageHeading title={t("privacy:account.title")} intro={t("privacy:account.intro")} />
      <div className="no-print flex flex-wrap items-center gap-4">
        <a href={`/${locale}/account/data.json`} download className={buttonClass("primary")}>
          {t("privacy:account.download")}
        </a>
        <Link href={`/${locale}/account/profile`}>{t("privacy:account.edit")}</Link>
        <Link href={`/${locale}/account/close`}>{t("privacy:account.close")}</Link>
      </div>
      <p className="no-print text-muted">{t("privacy:account.print")}</p>
      <PersonalDataView data={data} t={t} locale={locale} />
    </div>
  );
}
