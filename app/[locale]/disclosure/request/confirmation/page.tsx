import Link from "next/link";
import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { trackRequest } from "@/lib/disclosure/requestQueries";
import { ConfirmationPanel } from "@/components/ui/ConfirmationPanel";
import { StatusNote } from "@/components/ui/StatusNote";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("disclosure", "disclosure:request.confirmationTitle");

/** The request's number and access code; shown only with both (as for tracking). */
export default async function RequestConfirmationPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["disclosure", "account", "errors"]);
  const query = await searchParams;
  const number = param(query.number, 40) ?? "";
  const code = param(query.code, 10) ?? "";
  let found: Awaited<ReturnType<typeof trackRequest>>;
  try {
    found = await trackRequest({ trackingNumber: number, accessCode: code });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return <StatusNote>{t("errors:tooManyAttempts", { limit: minutesToWait(error) })}</StatusNote>;
  }
  if (!found) notFound();
  const issued = { trackingNumber: found.trackingNumber, accessCode: code };
  return (
    <div className="grid max-w-2xl gap-6">
      <ConfirmationPanel t={t} title={t("disclosure:request.confirmationTitle")} issued={issued} />
      <p>{t("disclosure:request.confirmationIntro")}</p>
      <p>
        <Link href={withQuery(`/${locale}/track`, issued)}>{t("disclosure:request.trackIt")}</Link>
      </p>
    </div>
  );
}
