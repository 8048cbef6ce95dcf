import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { trackRequest } from "@/lib/disclosure/requestQueries";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:request.confirmationTitle") };
}

/** The request's number and access code; shown only with both (as for tracking). */
export default async function RequestConfirmationPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const number = param(query.number, 40) ?? "";
  const code = param(query.code, 10) ?? "";
  const found = await trackRequest({ trackingNumber: number, accessCode: code });
  if (!found) notFound();
  const t = await getT(locale, ["disclosure", "account"]);
  return (
    <div className="grid max-w-2xl gap-6">
      <div className="grid gap-2 bg-[#00703c] p-6 text-center text-white">
        <h1 className="text-3xl font-bold">{t("disclosure:request.confirmationTitle")}</h1>
        <dl className="grid gap-1 text-xl">
          <dt>{t("account:trackingNumber")}</dt>
          <dd className="text-2xl font-bold" data-testid="tracking-number">
            {found.trackingNumber}
          </dd>
          <dt>{t("account:accessCode")}</dt>
          <dd className="text-2xl font-bold" data-testid="access-code">
            {code}
          </dd>
        </dl>
      </div>
      <p>{t("disclosure:request.confirmationIntro")}</p>
      <p>
        <Link
          href={withQuery(`/${locale}/track`, { trackingNumber: found.trackingNumber, accessCode: code })}
        >
          {t("disclosure:request.trackIt")}
        </Link>
      </p>
    </div>
  );
}
