import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { codeOptions } from "@/lib/i18n/options";
import { errorMessages } from "@/lib/i18n/messages";
import { getSessionUser } from "@/lib/auth/session";
import { readLetter } from "@/lib/letters/queries";
import { letterPageParams } from "@/lib/letters/letterLookup";
import { letterRatings } from "@/lib/letters/kinds";
import { letterWorkflow, owingStatuses } from "@/lib/letters/letterWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Breadcrumb } from "@/components/ui/PageHeading";
import { Section } from "@/components/ui/Section";
import { StatusNote } from "@/components/ui/StatusNote";
import { SimpleForm } from "@/components/form/SimpleForm";
import { mailboxName } from "@/components/letters/mailboxName";
import { LetterTimeline } from "@/components/letters/LetterTimeline";
import { FileList } from "@/components/cases/FileList";
import { WrittenText } from "@/components/ui/LocalText";
import { rateLetterReply } from "./actions";

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).number };
}

/**
 * One letter: its published, redacted copy for anyone; before publication only for its writer
 * or with its 查询码, and a 404 for everyone else. The writer rates the reply here. The 查询码 comes
 * from the short-lived cookie the lookup form (./lookup) or sending the letter set for this letter,
 * never from the URL: `?code=` is not read.
 */
export default async function LetterPage({ params }: Props) {
  const locale = await localeParam(params);
  const t = await getT(locale, ["letters", "account", "errors"]);
  const { number, code } = await letterPageParams(params);
  const actor = await getSessionUser();
  let reading: Awaited<ReturnType<typeof readLetter>>;
  try {
    reading = await readLetter({ actor, number, code });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return <StatusNote>{t("errors:tooManyAttempts", { limit: minutesToWait(error) })}</StatusNote>;
  }
  if (!reading) notFound();
  const { letter, own } = reading;
  const published = reading.view === "published" ? reading.letter : null;
  const mine = reading.view === "writer" ? reading.letter : null;
  const rateOpen =
    own && actor && own.writerId
      ? allowedSteps(letterWorkflow, actor, own).some((step) => step === "rate" || step === "reopen")
      : false;
  return (
    <div className="grid max-w-3xl gap-6">
      <Breadcrumb
        label={t("breadcrumb")}
        links={[{ href: `/${locale}/letters`, label: t("letters:listTitle") }]}
      />
      <h1 className="text-2xl font-bold">
        <WrittenText locale={locale} text={(published ? published.publicSubject : mine?.subject) ?? ""} />
      </h1>
      <DefinitionList
        items={[
          [t("letters:letterNumber"), number],
          [t("letters:kindLabel"), t(`letters:kind.${letter.kind}`)],
          [t("letters:mailboxLabel"), mailboxName(t, locale, letter.department)],
          [t("letters:statusLabel"), t(`letters:status.${letter.status}`)],
          [t("letters:column.written"), formatDate(locale, letter.createdAt)],
          !!mine?.dueOn &&
            owingStatuses.includes(letter.status) && [t("letters:dueOn"), formatDay(locale, mine.dueOn)],
          !!letter.repliedOn && [t("letters:column.replied"), formatDay(locale, letter.repliedOn)],
          !!own?.rating && [t("letters:rateTitle"), t(`letters:rating.${own.rating}`)],
        ]}
      />
      {mine ? <p className="border-l-4 border-brand pl-3">{t("letters:privateNote")}</p> : null}
      <Section id="letter" title={t("letters:letter")}>
        <p className="whitespace-pre-wrap">
          <WrittenText locale={locale} text={(published ? published.publicContent : mine?.content) ?? ""} />
        </p>
      </Section>
      {mine?.attachments.length && actor && mine.writerId === actor.id ? (
        <Section id="attachments" title={t("letters:attachments")}>
          <FileList files={mine.attachments} locale={locale} t={t} />
        </Section>
      ) : null}
      <Section id="reply" title={t("letters:reply")}>
        <p className="whitespace-pre-wrap">
          {(published ? published.publicReply : mine?.replyText) ? (
            <WrittenText locale={locale} text={(published ? published.publicReply : mine?.replyText) ?? ""} />
          ) : (
            t("letters:noReplyYet")
          )}
        </p>
      </Section>
      {rateOpen && own ? (
        <Section id="rate-heading" title={t("letters:rateTitle")}>
          <SimpleForm
            idPrefix="rate"
            action={rateLetterReply}
            hidden={{ locale, number, expectedVersion: String(own.version) }}
            fields={[
              {
                name: "rating",
                type: "radio",
                label: t("letters:rateLabel"),
                options: codeOptions(t, "letters:rating", letterRatings),
              },
            ]}
            submitLabel={t("letters:rateSubmit")}
            messages={errorMessages(t)}
            errorTitle={t("errors:summaryTitle")}
          />
        </Section>
      ) : null}
      {mine ? <LetterTimeline t={t} locale={locale} events={mine.events} /> : null}
    </div>
  );
}
