import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { getOwnCase } from "@/lib/cases/ownCases";
import { LocalText } from "@/components/ui/LocalText";
import { ConfirmationPanel } from "@/components/ui/ConfirmationPanel";
import { TrackButton } from "@/components/cases/TrackButton";
import { lookUpCase } from "../../../../track/actions";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("apply", "apply:confirmationTitle");

/** The confirmation panel: 办件编号 and 查询码, what happens next. Only the applicant sees it. */
export default async function ConfirmationPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["apply", "account", "services"]);
  const number = param((await searchParams).number, 40) ?? "";
  const actor = await requireCitizen(locale, `/${locale}/account`);
  const found = await getOwnCase({ actor, trackingNumber: number });
  if (!found) notFound();
  const days =
    found.service.promisedDays === 0
      ? t("apply:immediate")
      : t("services:workingDays", { count: found.service.promisedDays });
  return (
    <div className="grid max-w-2xl gap-6">
      <ConfirmationPanel t={t} title={t("apply:confirmationTitle")} issued={found}>
        <p className="text-xl">
          <LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />
        </p>
      </ConfirmationPanel>
      <p>{t("apply:confirmationIntro")}</p>
      <h2 className="text-xl font-bold">{t("apply:whatNext")}</h2>
      <p>{t("apply:whatNextBody", { days })}</p>
      <ul className="ml-6 list-disc">
        <li>
          <a href={`/${locale}/account/cases/${found.trackingNumber}/receipt.pdf`}>
            {t("account:receiptLink")}
          </a>
        </li>
        <li>
          <TrackButton
            action={lookUpCase}
            locale={locale}
            trackingNumber={found.trackingNumber}
            accessCode={found.accessCode}
            label={t("apply:trackIt")}
          />
        </li>
        <li>
          <Link href={`/${locale}/account`}>{t("apply:toAccount")}</Link>
        </li>
      </ul>
    </div>
  );
}
