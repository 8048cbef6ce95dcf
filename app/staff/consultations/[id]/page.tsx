import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { getSessionUser, orNotFound, requireStaff } from "@/lib/auth/session";
import { staffConsultation } from "@/lib/consultations/queries";
import {
  consultationWorkflow,
  mayEditConsultation,
  type TConsultationStep,
} from "@/lib/consultations/consultationWorkflow";
import { chinaDay, lastDayOf } from "@/lib/consultations/rules";
import { allowedSteps, byTone, stepTone } from "@/lib/workflow/workflow";
import { departmentList } from "@/lib/places/queries";
import { SimpleForm } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { StaffPage } from "@/components/staff/StaffPage";
import { WorkflowStepForm } from "@/components/staff/WorkflowStepForm";
import { consultationFields } from "@/components/consultations/consultationFields";
import { periodText } from "@/components/consultations/periodText";
import { CommentList } from "@/components/consultations/CommentList";
import { consultationStep, editConsultation, moderateConsultationComment, writeFeedback } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await getSessionUser();
  if (!actor) return {};
  const found = await staffConsultation({ actor, id: (await params).id }).catch(() => null);
  return { title: found?.title };
}

/** One consultation on the editors' desk: its steps, the draft's form, the moderation queue, every comment and the feedback form. */
export default async function StaffConsultationPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const c = await orNotFound(staffConsultation({ actor, id: (await params).id }));
  const [t, departments, query] = await Promise.all([
    getT(defaultLocale, ["consultations", "errors"]),
    departmentList(),
    searchParams,
  ]);
  const messages = errorMessages(t, { staff: true });
  const errorTitle = t("errors:summaryTitle");
  const hidden = { id: c.id, expectedVersion: String(c.version) };
  const steps = byTone(consultationWorkflow, allowedSteps(consultationWorkflow, actor, c), c.status);
  const pending = c.comments.filter((m) => m.status === "PENDING");
  const stepForm = (step: TConsultationStep) => (
    <WorkflowStepForm
      key={step}
      step={step}
      label={t(`consultations:editor.step.${step}`)}
      tone={stepTone(consultationWorkflow, step, c.status)}
      action={consultationStep}
      hidden={hidden}
      messages={messages}
      errorTitle={errorTitle}
    />
  );
  return (
    <StaffPage
      back={{ href: "/staff/consultations", label: t("consultations:editor.title"), nav: t("breadcrumb") }}
      title={c.title}
      status={
        query.done
          ? t("consultations:editor.stepDone", { status: t(`consultations:editor.status.${c.status}`) })
          : query.saved || query.moderated
            ? t("consultations:editor.saved")
            : null
      }
    >
      <DefinitionList
        className="grid grid-cols-[8rem_1fr] gap-2 border border-line bg-panel p-4"
        items={[
          [t("consultations:editor.statusColumn"), t(`consultations:editor.status.${c.status}`)],
          [t("consultations:kindLabel"), t(`consultations:kind.${c.kind}`)],
          [t("consultations:department"), c.department.name],
          [t("consultations:editor.periodColumn"), periodText(t, defaultLocale, c)],
          [t("consultations:editor.author"), c.author?.name ?? ""],
        ]}
      />
      {c.status !== "DRAFT" ? (
        <p>
          <Link href={`/${defaultLocale}/consultations/${c.id}`}>{t("consultations:editor.publicPage")}</Link>
        </p>
      ) : null}

      <Section id="workflow" title={t("consultations:editor.workflow")} className="grid gap-3">
        {steps.length ? steps.map(stepForm) : <p>{t("consultations:editor.noSteps")}</p>}
      </Section>

      {mayEditConsultation(actor, c) ? (
        <Section id="edit" title={t("consultations:editor.edit")}>
          <SimpleForm
            idPrefix="edit"
            action={editConsultation}
            hidden={hidden}
            fields={consultationFields(t, departments)}
            initialValues={{
              title: c.title,
              department: c.department.code,
              kind: c.kind,
              opensOn: chinaDay(c.opensAt),
              closesOn: lastDayOf(c.closesAt),
              summary: c.summary,
              body: c.body,
            }}
            submitLabel={t("consultations:editor.save")}
            messages={messages}
            errorTitle={errorTitle}
          />
        </Section>
      ) : null}

      {c.status !== "DRAFT" ? (
        <Section id="moderation" title={t("consultations:editor.moderation")} className="grid gap-4">
          {pending.length ? (
            pending.map((m) => (
              <article
                key={m.id}
                aria-labelledby={`comment-${m.id}`}
                className="grid gap-2 border border-line p-3"
              >
                <h3 id={`comment-${m.id}`} className="font-bold">
                  {m.author?.name ?? ""} · {formatDateTime(defaultLocale, m.createdAt)}
                  {m.private ? ` · ${t("consultations:privateMark")}` : ""}
                </h3>
                <p className="whitespace-pre-wrap">{m.body}</p>
                <div className="flex flex-wrap items-start gap-4">
                  <SimpleForm
                    idPrefix={`approve-${m.id}`}
                    action={moderateConsultationComment}
                    hidden={{ id: c.id, commentId: m.id, decision: "approve" }}
                    fields={[]}
                    submitLabel={t("consultations:editor.approve")}
                    messages={messages}
                    errorTitle={errorTitle}
                  />
                  <SimpleForm
                    idPrefix={`reject-${m.id}`}
                    action={moderateConsultationComment}
                    hidden={{ id: c.id, commentId: m.id, decision: "reject" }}
                    fields={[{ name: "reason", type: "text", label: t("consultations:editor.field.reason") }]}
                    submitLabel={t("consultations:editor.reject")}
                    tone="warning"
                    messages={messages}
                    errorTitle={errorTitle}
                  />
                </div>
              </article>
            ))
          ) : (
            <p>{t("consultations:editor.noPending")}</p>
          )}
        </Section>
      ) : null}

      {c.status === "CLOSED" ? (
        <Section id="feedback-form" title={t("consultations:editor.feedbackForm")}>
          <SimpleForm
            idPrefix="feedback"
            action={writeFeedback}
            hidden={hidden}
            fields={[
              {
                name: "feedback",
                type: "textarea",
                rows: 10,
                label: t("consultations:editor.field.feedback"),
              },
              { name: "adoptedCount", type: "text", label: t("consultations:editor.field.adoptedCount") },
              {
                name: "partlyAdoptedCount",
                type: "text",
                label: t("consultations:editor.field.partlyAdoptedCount"),
              },
              {
                name: "notAdoptedCount",
                type: "text",
                label: t("consultations:editor.field.notAdoptedCount"),
              },
              {
                name: "finalDocument",
                type: "text",
                label: t("consultations:editor.field.finalDocument"),
                hint: t("consultations:editor.field.finalDocumentHint"),
              },
            ]}
            initialValues={{
              feedback: c.feedback ?? "",
              adoptedCount: String(c.adoptedCount),
              partlyAdoptedCount: String(c.partlyAdoptedCount),
              notAdoptedCount: String(c.notAdoptedCount),
              finalDocument: c.finalDocument?.indexNo ?? "",
            }}
            submitLabel={t("consultations:editor.saveFeedback")}
            messages={messages}
            errorTitle={errorTitle}
          />
        </Section>
      ) : null}

      <Section id="all-comments" title={t("consultations:editor.allComments")}>
        <CommentList
          comments={c.comments}
          className="grid gap-2"
          meta={(m) => (
            <>
              {m.author?.name ?? ""} · {formatDateTime(defaultLocale, m.createdAt)} ·{" "}
              {t(`consultations:commentState.${m.status}`)}
              {m.private ? ` · ${t("consultations:privateMark")}` : ""}
              {m.moderator ? ` · ${t("consultations:editor.moderatedBy", { name: m.moderator.name })}` : ""}
            </>
          )}
          body={(m) => m.body}
          after={(m) =>
            m.rejectReason ? (
              <p className="text-sm">{t("consultations:rejectedBecause", { reason: m.rejectReason })}</p>
            ) : null
          }
          empty={t("consultations:editor.noCommentsYet")}
        />
      </Section>
    </StaffPage>
  );
}
