import { getT, paramMetadata } from "@/lib/i18n/server";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { staffRequest } from "@/lib/disclosure/requestQueries";
import {
  offeredOn,
  requestStepNames,
  requestWorkflow,
  type TRequestStep,
} from "@/lib/disclosure/requestWorkflow";
import { receiptChannels } from "@/lib/disclosure/applyRequestStep";
import { chinaDay } from "@/lib/calendar/workdays";
import { allowedSteps, byTone, stepTone } from "@/lib/workflow/workflow";
import { outcomeCells, ownStepOutcomes } from "@/lib/disclosure/outcomes";
import type { TSimpleField } from "@/components/form/SimpleForm";
import { field } from "@/components/form/fields";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";
import { StepForms } from "@/components/staff/StepForms";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = paramMetadata("number");

/** One request for its department's officers (and the supervisor's extension approval). */
export default async function StaffRequestPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const found = await orNotFound(staffRequest({ actor, trackingNumber: (await params).number }));
  const t = await getT(defaultLocale, ["disclosure", "account", "staff", "errors", "apply"]);
  // 逾期不补正 / 逾期未缴费 are offered only once the applicant's period has ended
  const open = byTone(
    requestWorkflow,
    offeredOn(allowedSteps(requestWorkflow, actor, found), found, chinaDay(new Date())),
    found.status,
  );
  const query = await searchParams;
  const returned = await returnedFormState({ actor, id: query[formReturnParam] });
  // what was just done, by its name; never beside a form sent back with errors
  const done = returned ? undefined : enumParam(query.done, requestStepNames);
  // what each step asks for; the compiler checks that every step is here
  const stepFields: Record<TRequestStep, TSimpleField[]> = {
    confirmReceipt: [
      field.select(
        "channel",
        t("disclosure:staff.channel"),
        receiptChannels.map((channel) => ({ value: channel, label: t(`disclosure:channel.${channel}`) })),
        { hint: t("disclosure:staff.channelHint") },
      ),
      field.text("receivedOn", t("disclosure:staff.receivedOn"), "off", {
        hint: t("disclosure:staff.receivedOnHint"),
      }),
    ],
    requestSupplement: [
      field.textarea("missing", t("staff:missingList"), 4, { hint: t("staff:missingHint") }),
    ],
    correct: [],
    abandon: [],
    startProcessing: [],
    pause: [field.textarea("reason", t("disclosure:staff.pauseReason"), 4)],
    resume: [],
    requestExtension: [
      {
        name: "days",
        type: "text",
        label: t("disclosure:staff.extensionDays"),
        hint: t("disclosure:staff.extensionHint"),
      },
      field.textarea("reason", t("staff:reason"), 4),
    ],
    approveExtension: [],
    issueFeeNotice: [
      field.text("amount", t("disclosure:staff.feeAmount"), "off", { hint: t("disclosure:staff.feeHint") }),
      field.textarea("reason", t("disclosure:staff.feeBasis"), 4),
    ],
    recordPayment: [],
    feeUnpaid: [],
    reply: [
      field.select(
        "outcome",
        t("disclosure:request.outcome"),
        // 逾期不补正 and 逾期未缴费 have their own steps, after their periods
        outcomeCells
          .filter((cell) => !ownStepOutcomes.includes(cell.sub ?? ""))
          .map((cell) => ({
            value: cell.sub ? `${cell.category}:${cell.sub}` : cell.category,
            label: cell.sub
              ? `${t(`disclosure:outcome.${cell.category}`)} · ${t(`disclosure:outcomeSub.${cell.sub}`)}`
              : t(`disclosure:outcome.${cell.category}`),
          })),
      ),
      { name: "legalBasis", type: "text", label: t("disclosure:request.legalBasis") },
      field.textarea("replyText", t("disclosure:request.replyText"), 8),
      {
        name: "replyFiles",
        type: "file",
        multiple: true,
        accept: "application/pdf,image/jpeg,image/png",
        label: t("disclosure:staff.replyFiles"),
      },
    ],
    withdraw: [],
  };
  return (
    <StaffPage
      back={{ href: "/staff/requests", label: t("disclosure:staff.queue"), nav: t("breadcrumb") }}
      title={`${found.trackingNumber} · ${found.requesterName}`}
      status={done ? t(`disclosure:staff.doneStep.${done}`, { number: found.trackingNumber }) : null}
    >
      <Section id="application" title={t("disclosure:staff.application")}>
        <dl className="grid gap-2 md:grid-cols-[10rem_1fr]">
          <dt className="font-bold">{t("disclosure:request.requesterType")}</dt>
          <dd>{t(`disclosure:requester.${found.requesterType}`)}</dd>
          <dt className="font-bold">{t("disclosure:request.idNumber")}</dt>
          <dd>{found.idNumber}</dd>
          <dt className="font-bold">{t("disclosure:request.phone")}</dt>
          <dd>{found.phone}</dd>
          <dt className="font-bold">{t("disclosure:request.delivery")}</dt>
          <dd>{t(`disclosure:delivery.${found.deliveryMethod}`)}</dd>
          <dt className="font-bold">{t("disclosure:request.description")}</dt>
          <dd className="whitespace-pre-wrap">{found.description}</dd>
        </dl>
      </Section>
      <StepForms
        title={t("staff:nextSteps")}
        steps={open}
        label={(step) => t(`disclosure:staff.step.${step}`)}
        tone={(step) => stepTone(requestWorkflow, step, found.status)}
        warning={t("staff:irreversibleHint")}
        fields={(step) => stepFields[step]}
        postTo="/api/forms/request-step"
        // the portal's own requests came online: the officer changes it for a posted or handed-in one
        initialValues={(step) => (step === "confirmReceipt" ? { channel: found.channel } : undefined)}
        returned={returned}
        hidden={{ trackingNumber: found.trackingNumber, expectedVersion: String(found.version) }}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
        empty={t("staff:noNextSteps")}
      />
      <RequestStatus locale={defaultLocale} t={t} request={found} />
    </StaffPage>
  );
}
