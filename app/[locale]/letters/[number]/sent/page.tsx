import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { letterCodeMatches } from "@/lib/letters/queries";
import { letterPageParams } from "@/lib/letters/letterLookup";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";
import { ConfirmationPanel } from "@/components/ui/ConfirmationPanel";
import { StatusNote } from "@/components/ui/StatusNote";
import { TrackButton } from "@/components/cases/TrackButton";
import { openLetter } from "../../lookup/actions";

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), ["letters"]);
  return { title: t("letters:confirmationTitle") };
}

/**
 * After sending a letter: its number and 查询码 as text to write down, and a button that opens the
 * letter by posting them (never a link with the code). The code comes from the cookie sending the
 * letter set for it; without it (expired, another browser) there is nothing to show.
 */
export default async function LetterSentPage({ params }: Props) {
  const locale = await localeParam(params);
  const t = await getT(locale, ["letters", "account", "errors"]);
  const { number, code } = await letterPageParams(params);
  if (!code) notFound();
  // the kept code must still be this letter's (checked as every 查询码 lookup), whoever asks
  let matches: boolean;
  try {
    matches = await letterCodeMatches({ number, accessCode: code });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return <StatusNote>{t("errors:tooManyAttempts", { limit: minutesToWait(error) })}</StatusNote>;
  }
  if (!matches) notFound();
  const issued = { trackingNumber: number, accessCode: code };
  return (
    <div className="grid max-w-2xl gap-6">
      <ConfirmationPanel t={t} title={t("letters:confirmationTitle")} issued={issued}>
        <p>{t("letters:confirmationIntro")}</p>
      </ConfirmationPanel>
      <p>{t("letters:confirmationWriteDown")}</p>
      <p>
        <TrackButton action={openLetter} locale={locale} {...issued} label={t("letters:openLetter")} />
      </p>
    </div>
  );
}
