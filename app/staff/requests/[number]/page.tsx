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
  const fieldsFor = (name: TRequestStep): TSimpleField[] => {
    switch (name) {
      case "confirmReceipt":
        return [
          {
            name: "channel",
            type: "select",
            label: t("disclosure:staff.channel"),
            hint: t("disclosure:staff.channelHint"),
            options: receiptChannels.map((channel) => ({
              value: channel,
              label: t(`disclosure:channel.${channel}`),
            })),
          },
          {
            name: "receivedOn",
            type: "text",
            label: t("disclosure:staff.receivedOn"),
            hint: t("disclosure:staff.receivedOnHint"),
            autoComplete: "off",
          },
        ];
      case "issueFeeNotice":
        return [
          {
            name: "amount",
            type: "text",
            label: t("disclosure:staff.feeAmount"),
            hint: t("disclosure:staff.feeHint"),
            autoComplete: "off",
          },
          { name: "reason", type: "textarea", label: t("disclosure:staff.feeBasis") },
        ];
      case "requestSupplement":
        return [
          { name: "missing", type: "textarea", label: t("staff:missingList"), hint: t("staff:missingHint") },
        ];
      case "pause":
        return [{ name: "reason", type: "textarea", label: t("disclosure:staff.pauseReason") }];
      case "requestExtension":
        return [
          {
            name: "days",
            type: "text",
            label: t("disclosure:staff.extensionDays"),
            hint: t("disclosure:staff.extensionHint"),
          },
          { name: "reason", type: "textarea", label: t("staff:reason") },
        ];
      case "reply":
        return [
          {
            name: "outcome",
            type: "select",
            label: t("disclosure:request.outcome"),
            // 逾期不补正 and 逾期未缴费 have their own steps, after their periods
            options: outcomeCells
              .filter((cell) => !ownStepOutcomes.includes(cell.sub ?? ""))
              .map((cell) => ({
                value: cell.sub ? `${cell.category}:${cell.sub}` : cell.category,
                label: cell.sub
                  ? `${t(`disclosure:outcome.${cell.category}`)} · ${t(`disclosure:outcomeSub.${cell.sub}`)}`
                  : t(`disclosure:outcome.${cell.category}`),
              })),
          },
          { name: "legalBasis", type: "text", label: t("disclosure:request.legalBasis") },
          { name: "replyText", type: "textarea", rows: 8, label: t("disclosure:request.replyText") },
          {
            name: "replyFiles",
            type: "file",
            multiple: true,
            accept: "application/pdf,image/jpeg,image/png",
            label: t("disclosure:staff.replyFiles"),
          },
        ];
      default:
        return [];
    }
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
        fields={fieldsFor}
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
