import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { keptTrackingLookup, lookupParam } from "@/lib/http/trackingLookup";
import { TrackButton } from "@/components/cases/TrackButton";
import { lookUpCase } from "../../../track/actions";
import { trackRequest } from "@/lib/disclosure/requestQueries";
import { ConfirmationPanel } from "@/components/ui/ConfirmationPanel";
import { StatusNote } from "@/components/ui/StatusNote";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("disclosure", "disclosure:request.confirmationTitle");

/** The request's number and access code; shown only with both (as for tracking). */
export default async function RequestConfirmationPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["disclosure", "account", "errors"]);
  // the number and 查询码 came from the request form in a short-lived cookie, not in the URL
  const kept = await keptTrackingLookup((await searchParams)[lookupParam]);
  if (!kept) notFound();
  const number = kept.trackingNumber;
  const code = kept.accessCode;
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
        <TrackButton
          action={lookUpCase}
          locale={locale}
          {...issued}
          label={t("disclosure:request.trackIt")}
        />
      </p>
    </div>
  );
}
