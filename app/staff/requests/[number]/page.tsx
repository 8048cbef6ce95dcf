import { getT, paramMetadata } from "@/lib/i18n/server";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { staffRequest } from "@/lib/disclosure/requestQueries";
import { requestStepNames, requestWorkflow, type TRequestStep } from "@/lib/disclosure/requestWorkflow";
import { allowedSteps, byTone, stepTone } from "@/lib/workflow/workflow";
import { outcomeCells } from "@/lib/disclosure/outcomes";
import type { TSimpleField } from "@/components/form/SimpleForm";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { Section } from "@/components/ui/Section";
import { PageHeader } from "@/components/staff/PageHeader";
import { StepForms } from "@/components/staff/StepForms";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = paramMetadata("number");

/** One request for its department's officers (and the supervisor's extension approval). */
export default async function StaffRequestPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const found = await orNotFound(staffRequest({ actor, trackingNumber: (await params).number }));
  const t = await getT(defaultLocale, ["disclosure", "account", "staff", "errors", "apply"]);
  const open = byTone(requestWorkflow, allowedSteps(requestWorkflow, actor, found), found.status);
  const query = await searchParams;
  const returned = await returnedFormState({ actor, id: query[formReturnParam] });
  // what was just done, by its name; never beside a form sent back with errors
  const done = returned ? undefined : enumParam(query.done, requestStepNames);
  const fieldsFor = (name: TRequestStep): TSimpleField[] => {
    switch (name) {
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
            options: outcomeCells.map((cell) => ({
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
    <div className="grid gap-6">
      <PageHeader
        back={{ href: "/staff/requests", label: t("disclosure:staff.queue"), nav: t("breadcrumb") }}
        title={`${found.trackingNumber} · ${found.requesterName}`}
        status={done ? t(`disclosure:staff.doneStep.${done}`, { number: found.trackingNumber }) : null}
      />
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
        returned={returned}
        hidden={{ trackingNumber: found.trackingNumber, expectedVersion: String(found.version) }}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
        empty={t("staff:noNextSteps")}
      />
      <RequestStatus locale={defaultLocale} t={t} request={found} />
    </div>
  );
}
