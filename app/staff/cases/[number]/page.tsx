import { getT, paramMetadata } from "@/lib/i18n/server";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { departmentCaseworkers, getStaffCase } from "@/lib/cases/staffCases";
import { hasRole } from "@/lib/auth/policy";
import { caseStepNames, caseWorkflow, type TCaseStep } from "@/lib/cases/caseWorkflow";
import { allowedSteps, byTone, stepTone } from "@/lib/workflow/workflow";
import { dueFlag } from "@/lib/cases/deadlines";
import { chinaDay } from "@/lib/calendar/workdays";
import { ZFormDefinition } from "@/lib/services/form-definition";
import { answerText, formText } from "@/lib/services/formView";
import { ZGuideLists } from "@/lib/services/guide";
import { SimpleForm, type TSimpleField } from "@/components/form/SimpleForm";
import { CaseTimeline } from "@/components/cases/CaseTimeline";
import { FileList } from "@/components/cases/FileList";
import { DueFlag } from "@/components/cases/DueFlag";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";
import { StepForms } from "@/components/staff/StepForms";
import { assignOtherCase, claimOwnCase, noteCase } from "./actions";

import { ApplicantIdentity } from "@/components/staff/ApplicantIdentity";
import { ZCaseIdentity } from "@/lib/identity/onBehalf";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = paramMetadata("number");

/** One case for its department's staff: answers, files, full timeline with internal notes, and the next steps as forms. */
export default async function StaffCasePage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const { number } = await params;
  const found = await orNotFound(getStaffCase({ actor, trackingNumber: number }));
  const locale = defaultLocale;
  const t = await getT(locale, ["staff", "account", "errors", "apply", "result", "privacy", "services"]);
  const query = await searchParams;
  const returned = await returnedFormState({ actor, id: query[formReturnParam] });
  // answers are shown with the form they were given to, not a later edit of it
  const form = ZFormDefinition.parse(found.formSnapshot ?? found.service.form);
  const files = Object.fromEntries(found.attachments.map((file) => [file.id, file.fileName]));
  const messages = errorMessages(t, { staff: true });
  const flag = dueFlag(found.status, found.promisedDue, chinaDay(new Date()));
  const materials = ZGuideLists.shape.materials.parse(found.service.materials);
  // what a file answers: a 申请材料 by name, or the result / a 补正 document
  const purposeLabel = (purpose: string) =>
    purpose === "result" || purpose === "supplement" || purpose === "onBehalfDeclaration"
      ? t(`staff:purpose.${purpose}`)
      : (materials.find((m) => m.id === purpose)?.name ?? purpose);

  const steps = byTone(caseWorkflow, allowedSteps(caseWorkflow, actor, found), found.status);
  // what was just done, said with the case's own facts; never beside a form sent back with errors
  const done = returned ? undefined : enumParam(query.done, [...caseStepNames, "note", "claim", "assign"]);
  const doneMessage = done
    ? t(`staff:doneStep.${done}`, {
        number: found.trackingNumber,
        due: formatDay(locale, found.promisedDue),
        assignee: found.assignee?.name ?? "",
      })
    : null;
  const fieldsFor = (name: TCaseStep): TSimpleField[] => {
    const rule = caseWorkflow.steps[name];
    const fields: TSimpleField[] = [];
    if (rule.needsMissingList)
      fields.push({
        name: "missing",
        type: "textarea",
        label: t("staff:missingList"),
        hint: t("staff:missingHint"),
      });
    if (rule.issuesResult)
      fields.push({
        name: "resultFile",
        type: "file",
        accept: "application/pdf,image/jpeg,image/png",
        label: `${t("staff:resultFile")}${t("apply:optional")}`,
        hint: t("staff:resultFileHint"),
      });
    fields.push({
      name: "reason",
      type: "textarea",
      label: rule.needsReason ? t("staff:reason") : `${t("staff:reason")}${t("apply:optional")}`,
      hint: t("staff:reasonHint"),
    });
    return fields;
  };

  return (
    <StaffPage
      back={{ href: "/staff", label: t("staff:workbench"), nav: t("breadcrumb") }}
      title={`${found.trackingNumber} · ${found.service.name}`}
      status={doneMessage}
    >
      <dl className="grid gap-2 border border-line bg-panel p-4 md:grid-cols-[10rem_1fr]">
        <dt className="font-bold">{t("account:status")}</dt>
        <dd>
          <strong>{t(`account:caseStatus.${found.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("staff:column.applicant")}</dt>
        <dd>
          {/* a closed account keeps no contact details: the case's own answers are the record */}
          {found.applicant.closedAt
            ? t("privacy:closedAccount")
            : `${found.applicant.name} · ${found.applicant.email}`}
        </dd>
        <dt className="font-bold">{t("account:submitted")}</dt>
        <dd>{formatDate(locale, found.submittedAt)}</dd>
        <dt className="font-bold">{t("staff:promisedDue")}</dt>
        <dd>
          {formatDay(locale, found.promisedDue) || t("account:dueAfterAcceptance")}{" "}
          <DueFlag flag={flag} t={t} />
          {found.dueProvisional ? ` ${t("account:provisional")}` : null}
        </dd>
        <dt className="font-bold">{t("staff:statutoryDue")}</dt>
        <dd>
          {formatDay(locale, found.statutoryDue) ||
            t(found.promisedDue ? "services:noStatutoryPeriod" : "account:dueAfterAcceptance")}
        </dd>
        <dt className="font-bold">{t("staff:column.assignee")}</dt>
        <dd>{found.assignee?.name ?? t("staff:unassigned")}</dd>
      </dl>
      {hasRole(actor, "SUPERVISOR", found.service.department.code) ? (
        <SimpleForm
          idPrefix="assign"
          action={assignOtherCase}
          hidden={{ trackingNumber: found.trackingNumber }}
          fields={[
            {
              name: "assigneeId",
              type: "radio",
              label: t("staff:assignTo"),
              options: (
                await departmentCaseworkers({ actor, departmentCode: found.service.department.code })
              ).map((u) => ({
                value: u.id,
                label: u.name,
              })),
            },
          ]}
          submitLabel={t("staff:assign")}
          tone="secondary"
          messages={messages}
          errorTitle={t("errors:summaryTitle")}
        />
      ) : null}
      {found.assignee?.id !== actor.id ? (
        <SimpleForm
          idPrefix="claim"
          action={claimOwnCase}
          hidden={{ trackingNumber: found.trackingNumber }}
          fields={[]}
          submitLabel={t("staff:claim")}
          // the case's way forward is its one primary action; claiming and assigning are secondary
          tone="secondary"
          messages={messages}
          errorTitle={t("errors:summaryTitle")}
        />
      ) : null}

      <Section id="applicant-identity" title={t("staff:identity.title")}>
        <ApplicantIdentity
          t={t}
          identity={ZCaseIdentity.nullable().catch(null).parse(found.applicantIdentity)}
          applicantName={found.applicant.name}
          principal={
            found.principalName
              ? { name: found.principalName, idNumber: found.principalIdNumber ?? "" }
              : null
          }
          declaration={found.attachments.find((file) => file.purpose === "onBehalfDeclaration") ?? null}
        />
      </Section>

      <Section id="answers" title={t("staff:answers")}>
        <dl className="grid gap-2 md:grid-cols-[14rem_1fr]">
          {form.steps
            .flatMap((step) => step.fields)
            .map((field) => (
              <div key={field.name} className="contents">
                <dt className="font-bold">{formText(locale, field.label)}</dt>
                <dd>
                  {field.type === "file" &&
                  typeof (found.answers as Record<string, string>)[field.name] === "string" ? (
                    <a href={`/api/v1/files/${(found.answers as Record<string, string>)[field.name]}`}>
                      {files[(found.answers as Record<string, string>)[field.name]]}
                    </a>
                  ) : (
                    (answerText(
                      locale,
                      field,
                      (found.answers as Record<string, string | string[]>)[field.name],
                      files,
                    ) ?? t("apply:noAnswer"))
                  )}
                </dd>
              </div>
            ))}
        </dl>
      </Section>

      <Section id="files" title={t("staff:files")}>
        <FileList
          files={found.attachments}
          locale={locale}
          t={t}
          note={(file) =>
            file.purpose ? <span className="text-muted"> · {purposeLabel(file.purpose)}</span> : null
          }
        />
        {found.resultDocument ? (
          <p className="mt-2">
            <a href={`/staff/cases/${found.trackingNumber}/result.pdf`}>{t("result:download")}</a>
          </p>
        ) : null}
      </Section>

      <StepForms
        title={t("staff:nextSteps")}
        steps={steps}
        label={(step) => t(`staff:step.${step}`)}
        tone={(step) => stepTone(caseWorkflow, step, found.status)}
        warning={t("staff:irreversibleHint")}
        fields={fieldsFor}
        postTo="/api/forms/case-step"
        returned={returned}
        hidden={{ trackingNumber: found.trackingNumber, expectedVersion: String(found.version) }}
        messages={messages}
        errorTitle={t("errors:summaryTitle")}
        empty={t("staff:noNextSteps")}
      />

      <Section id="note" title={t("staff:addNote")} className="grid gap-2">
        <SimpleForm
          idPrefix="note"
          action={noteCase}
          hidden={{ trackingNumber: found.trackingNumber }}
          fields={[
            { name: "note", type: "textarea", label: t("staff:noteLabel"), hint: t("staff:noteHint") },
          ]}
          submitLabel={t("staff:addNote")}
          tone="secondary"
          messages={messages}
          errorTitle={t("errors:summaryTitle")}
        />
      </Section>

      <CaseTimeline
        locale={locale}
        t={t}
        events={found.events.map((event) => ({ ...event, actorName: event.actor?.name }))}
      />
    </StaffPage>
  );
}
