import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { requireCitizen } from "@/lib/auth/session";
import { getOwnCase } from "@/lib/cases/ownCases";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "apply");
  return { title: t("apply:confirmationTitle") };
}

/** The confirmation panel: 办件编号 and 查询码, what happens next. Only the applicant sees it. */
export default async function ConfirmationPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const number = param((await searchParams).number, 40) ?? "";
  const actor = await requireCitizen(locale, `/${locale}/account`);
  const found = await getOwnCase({ actor, trackingNumber: number });
  if (!found) notFound();
  const t = await getT(locale, ["apply", "account", "services"]);
  const days =
    found.service.promisedDays === 0
      ? t("apply:immediate")
      : t("services:workingDays", { count: found.service.promisedDays });
  return (
    <div className="grid max-w-2xl gap-6">
      <div className="grid gap-2 bg-[#00703c] p-6 text-center text-white">
        <h1 className="text-3xl font-bold">{t("apply:confirmationTitle")}</h1>
        <p className="text-xl">
          <LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />
        </p>
        <dl className="grid gap-1 text-xl">
          <dt>{t("account:trackingNumber")}</dt>
          <dd className="text-2xl font-bold tracking-wider" data-testid="tracking-number">
            {found.trackingNumber}
          </dd>
          <dt>{t("account:accessCode")}</dt>
          <dd className="text-2xl font-bold tracking-widest" data-testid="access-code">
            {found.accessCode}
          </dd>
        </dl>
      </div>
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
          <Link
            href={withQuery(`/${locale}/track`, {
              trackingNumber: found.trackingNumber,
              accessCode: found.accessCode,
            })}
          >
            {t("apply:trackIt")}
          </Link>
        </li>
        <li>
          <Link href={`/${locale}/account`}>{t("apply:toAccount")}</Link>
        </li>
      </ul>
    </div>
  );
}
