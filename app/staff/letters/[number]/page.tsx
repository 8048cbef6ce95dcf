import { getT, paramMetadata } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { departmentList } from "@/lib/places/queries";
import { staffLetter } from "@/lib/letters/queries";
import { proposedPublicCopy } from "@/lib/letters/applyLetterStep";
import { letterWorkflow, type TLetterStep } from "@/lib/letters/letterWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { codeOptions } from "@/lib/i18n/options";
import { letterRatings } from "@/lib/letters/kinds";
import type { TSimpleField } from "@/components/form/SimpleForm";
import { field } from "@/components/form/fields";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";
import { StepForms } from "@/components/staff/StepForms";
import { mailboxName } from "@/components/letters/mailboxName";
import { LetterTimeline } from "@/components/letters/LetterTimeline";
import { FileList } from "@/components/cases/FileList";
import { letterStepAction } from "./actions";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = paramMetadata("number");

/** One letter for the handlers of its mailbox: what was written, its timeline and the next steps. */
export default async function StaffLetterPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const [letter, departments] = await Promise.all([
    orNotFound(staffLetter({ actor, number: (await params).number })),
    departmentList(),
  ]);
  const t = await getT(defaultLocale, ["letters", "account", "staff", "errors"]);
  const open = allowedSteps(letterWorkflow, actor, letter);
  const reason = [field.textarea("reason", t("letters:staff.reason"), 4)];
  // a 12345 caller's rating, recorded by the letters office from the call-back
  const rating = [
    field.radio("rating", t("letters:hotline.ratingField"), codeOptions(t, "letters:rating", letterRatings)),
  ];
  const replyText = [field.textarea("replyText", t("letters:staff.replyText"), 8)];
  // what each step asks for; the compiler checks that every step is here
  const stepFields: Record<TLetterStep, TSimpleField[]> = {
    accept: [],
    refuse: reason,
    forward: [
      field.select(
        "department",
        t("letters:staff.forwardTo"),
        departments
          .filter((d) => d.code !== letter.department?.code)
          .map((d) => ({ value: d.code, label: d.name })),
      ),
      ...reason,
    ],
    sendBack: reason,
    merge: [{ name: "duplicateOf", type: "text", label: t("letters:staff.duplicateOf") }],
    requestExtension: reason,
    approveExtension: [],
    declineExtension: reason,
    draft: replyText,
    signOff: [],
    returnDraft: reason,
    send: [],
    rate: rating,
    reopen: rating,
    reanswer: replyText,
    publish: [
      { name: "publicSubject", type: "text", label: t("letters:staff.publicSubject") },
      field.textarea("publicContent", t("letters:staff.publicContent"), 8),
      field.textarea("publicReply", t("letters:staff.publicReply"), 6),
    ],
  };
  return (
    <StaffPage
      back={{ href: "/staff/letters", label: t("letters:staff.queue"), nav: t("breadcrumb") }}
      title={`${letter.number} · ${letter.subject}`}
      status={
        (await searchParams).done === "hotline"
          ? t("letters:hotline.created", { number: letter.number, code: letter.accessCode })
          : (await searchParams).done
            ? t("staff:done")
            : null
      }
    >
      <Section id="letter" title={t("letters:staff.letter")}>
        <DefinitionList
          items={[
            [t("letters:kindLabel"), t(`letters:kind.${letter.kind}`)],
            [t("letters:mailboxLabel"), mailboxName(t, defaultLocale, letter.department)],
            [t("letters:statusLabel"), t(`letters:status.${letter.status}`)],
            [t("letters:hotline.channel"), t(`letters:hotline.channelValue.${letter.channel}`)],
            letter.channel === "HOTLINE"
              ? [t("letters:hotline.callerPhone"), letter.callerPhone ?? ""]
              : [t("letters:staff.writer"), letter.writer?.name ?? t("letters:staff.anonymous")],
            !!letter.externalRef && [t("letters:hotline.externalRef"), letter.externalRef],
            [
              t("letters:staff.consent"),
              t(letter.consentToPublish ? "letters:staff.yes" : "letters:staff.no"),
            ],
            [t("letters:column.written"), formatDate(defaultLocale, letter.createdAt)],
            !!letter.dueOn && [t("letters:dueOn"), formatDay(defaultLocale, letter.dueOn)],
            !!letter.extension && [t("letters:staff.extension"), t(`letters:extension.${letter.extension}`)],
            !!letter.rating && [t("letters:rateTitle"), t(`letters:rating.${letter.rating}`)],
            [
              t("letters:field.content"),
              <span className="whitespace-pre-wrap" key="c">
                {letter.content}
              </span>,
            ],
            !!letter.replyText && [
              t("letters:reply"),
              <span className="whitespace-pre-wrap" key="r">
                {letter.replyText}
              </span>,
            ],
          ]}
        />
      </Section>
      {letter.attachments.length ? (
        <Section id="attachments" title={t("letters:attachments")}>
          <FileList files={letter.attachments} locale={defaultLocale} t={t} />
        </Section>
      ) : null}
      {letter.publishedAt ? (
        <Section id="published" title={t("letters:staff.published")}>
          <p className="font-bold">{letter.publicSubject}</p>
          <p className="whitespace-pre-wrap">{letter.publicContent}</p>
          <p className="whitespace-pre-wrap">{letter.publicReply}</p>
        </Section>
      ) : null}
      <StepForms
        title={t("staff:nextSteps")}
        steps={open}
        label={(step) => t(`letters:staff.step.${step}`)}
        fields={(step) => stepFields[step]}
        initialValues={(step) =>
          step === "publish"
            ? proposedPublicCopy(letter)
            : step === "reanswer" && letter.replyText
              ? { replyText: letter.replyText }
              : undefined
        }
        action={letterStepAction}
        hidden={{ number: letter.number, expectedVersion: String(letter.version) }}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
        empty={t("staff:noNextSteps")}
      />
      <LetterTimeline t={t} locale={defaultLocale} events={letter.events} />
    </StaffPage>
  );
}
