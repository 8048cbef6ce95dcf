import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatBytes, formatDate } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { chinaDateTimeInput } from "@/lib/shared/chinaTime";
import { getSessionUser, orNotFound, requireStaff } from "@/lib/auth/session";
import { noticeForStaff } from "@/lib/notices/staffQueries";
import {
  mayEditNotice,
  noticeWorkflow,
  noticeWriters,
  reviewsOfRound,
  revisionKind,
  type TNoticeStep,
} from "@/lib/notices/noticeWorkflow";
import { openSteps } from "@/lib/workflow/workflow";
import { needsThreeLevels } from "@/lib/notices/reviewLevels";
import { revisionDiff } from "@/lib/notices/revisionDiff";
import { scopeValues, type TNoticeScope } from "@/lib/notices/scope";
import { labelledPlaceTree } from "@/lib/places/queries";
import { NoticeForm } from "@/components/notices/NoticeForm";
import { noticeFormProps } from "@/components/notices/noticeFormLabels";
import { WorkflowStepForm } from "@/components/staff/WorkflowStepForm";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";
import { noticeStepAction, previewNoticeBody } from "../actions";
import { renderMarkdown } from "@/lib/content/markdown";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const notice = await noticeForStaff({ actor: await getSessionUser(), id: (await params).id });
  return { title: notice?.title };
}

/** One notice on the editors' desk: where it stands, the next steps this person may take, the draft's editor, every revision with its diff. */
export default async function StaffNoticePage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const notice = await orNotFound(noticeForStaff({ actor, id: (await params).id }));
  const [t, tree, query] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog", "errors"]),
    labelledPlaceTree({ locale: defaultLocale }),
    searchParams,
  ]);
  const messages = errorMessages(t, { staff: true });
  const writerIds = noticeWriters(
    notice.authorId,
    notice.revisions.map((r) => ({ editorId: r.editor?.id ?? null, comment: r.comment })),
  );
  const kinds = notice.revisions.map((r) => revisionKind(r.comment));
  // while the notice stays where a send-back left it, the reviewer's words stay on top
  const sentBack =
    notice.status === noticeWorkflow.steps.sendBack.to
      ? notice.revisions.findLast((_, index) => kinds[index].kind === "sendBack")
      : undefined;
  const hidden = { id: notice.id, expectedVersion: String(notice.version) };
  const kept = await returnedFormState({ actor, id: query[formReturnParam] });
  // a step sent back from its confirmation page (返回修改) fills its own form; anything else, the editor
  const returnedStep = kept?.values.step ? kept : null;
  const returned = returnedStep ? null : kept;
  const commentField = [
    { name: "comment", type: "textarea" as const, label: t("notices:editor.comment"), rows: 3 },
  ];
  // what each step asks for and how its button looks; steps back or out of sight warn
  const stepFields = (step: TNoticeStep) => (step === "sendBack" ? commentField : []);
  // 退回 and 归档 cannot be undone: they warn, and are confirmed on a second page
  const stepTone = (step: TNoticeStep) => (noticeWorkflow.steps[step].irreversible ? "warning" : "primary");
  const stepForm = (step: TNoticeStep) => (
    <WorkflowStepForm
      key={step}
      step={step}
      label={t(`notices:editor.step.${step}`)}
      tone={stepTone(step)}
      fields={stepFields(step)}
      initialValues={returnedStep?.values.step === step ? returnedStep.values : undefined}
      action={noticeStepAction}
      hidden={hidden}
      messages={messages}
      errorTitle={t("errors:summaryTitle")}
    />
  );
  // the table decides what is offered; a step held back only by the second-person rule says why
  // 三审三校 where the administrators require it for this department and category
  const threeLevels = await needsThreeLevels({
    department: notice.department?.code ?? null,
    category: notice.category,
  });
  const reviews = reviewsOfRound(
    notice.revisions.map((r) => ({ editorId: r.editor?.id ?? null, comment: r.comment })),
  );
  const open = openSteps(noticeWorkflow, actor, { ...notice, writerIds, threeLevels, reviews });
  // the table decides what is offered; steps held back only by the second-person rule say why, once
  const steps = [
    ...open.filter(({ refusal }) => !refusal).map(({ step }) => stepForm(step)),
    ...(open.some(({ refusal }) => refusal === "secondPersonRequired")
      ? [
          <p key="second" role="note" className="border-l-4 border-brand pl-3">
            {t("notices:editor.secondPerson")}
          </p>,
        ]
      : []),
  ];
  const reviewer = (kind: "firstReview" | "secondReview") => {
    const id = reviews.find((review) => review.kind === kind)?.actorId;
    return notice.revisions.find((r) => r.editor?.id === id)?.editor?.name ?? t("notices:editor.notYet");
  };
  const label = (field: string) => t(`notices:editor.field.${field}`);
  const scope = (notice.scope ?? { districts: [], streets: [], communities: [] }) as TNoticeScope;

  return (
    <StaffPage
      back={{ href: "/staff/notices", label: t("notices:editor.title"), nav: t("breadcrumb") }}
      title={notice.title}
      status={
        returned?.ok && query.preview
          ? t("notices:editor.previewShown")
          : query.saved
            ? t("notices:editor.saved", { version: notice.version })
            : query.done
              ? t("notices:editor.stepDone", { status: t(`notices:status.${notice.status}`) })
              : null
      }
    >
      <dl className="grid grid-cols-[8rem_1fr] gap-2 border border-line bg-panel p-4">
        <dt className="font-bold">{t("notices:editor.statusColumn")}</dt>
        <dd>
          {t(`notices:status.${notice.status}`)}
          {notice.emergency ? ` · ${t("catalog:noticeCategory.emergency")}` : ""}
        </dd>
        <dt className="font-bold">{t("notices:editor.field.publishAt")}</dt>
        <dd>{formatDate(defaultLocale, notice.publishedAt ?? notice.publishAt)}</dd>
        <dt className="font-bold">{t("notices:editor.author")}</dt>
        <dd>{notice.author?.name ?? ""}</dd>
        {notice.approver ? (
          <>
            <dt className="font-bold">{t("notices:editor.approver")}</dt>
            <dd>{notice.approver.name}</dd>
          </>
        ) : null}
      </dl>
      {sentBack ? (
        <p role="note" className="border-4 border-brand p-3">
          {t("notices:editor.sentBack", { name: sentBack.editor?.name ?? "", comment: sentBack.comment })}
        </p>
      ) : null}
      <p>
        <Link href={`/${defaultLocale}/notices/${notice.id}/preview`}>{t("notices:editor.preview")}</Link>
      </p>

      <Section id="workflow" title={t("notices:editor.workflow")} className="grid gap-3">
        {threeLevels && notice.status === "SUBMITTED" ? (
          <p role="note" data-testid="three-levels">
            {t("notices:editor.threeLevels", {
              first: reviewer("firstReview"),
              second: reviewer("secondReview"),
            })}
          </p>
        ) : null}
        {steps.length ? steps : <p>{t("notices:editor.noSteps")}</p>}
      </Section>

      {mayEditNotice(actor, notice) ? (
        <Section id="edit" title={t("notices:editor.edit")} className="grid gap-3">
          <NoticeForm
            postTo="/api/forms/notice-edit"
            returned={returned}
            previewHtml={renderMarkdown(returned?.values.body ?? notice.body, { topLevel: 4 })}
            renderPreview={previewNoticeBody}
            headingLevel={3}
            {...noticeFormProps(t)}
            tree={tree}
            messages={messages}
            hidden={hidden}
            attachments={notice.attachments.map((a) => ({
              id: a.id,
              label: `${a.fileName} (${formatBytes(defaultLocale, a.size)})`,
            }))}
            initialValues={{
              title: notice.title,
              titleEn: notice.titleEn ?? "",
              body: notice.body,
              category: notice.category,
              source: notice.source,
              scope: scopeValues(scope).join("\n"),
              publishAt: notice.publishAt ? chinaDateTimeInput(notice.publishAt) : "",
              expiresAt: notice.expiresAt ? chinaDateTimeInput(notice.expiresAt) : "",
              pinned: notice.pinned ? "on" : "",
              urgent: notice.urgent ? "on" : "",
            }}
          />
        </Section>
      ) : null}

      <Section id="revisions" title={t("notices:editor.revisions")} className="grid gap-2">
        <ol className="grid gap-2">
          {notice.revisions.map((revision, index) => (
            <li key={revision.id}>
              <details>
                <summary>
                  {t("notices:editor.revision", {
                    version: revision.version,
                    name: revision.editor?.name ?? t("notices:editor.system"),
                    date: formatDate(defaultLocale, revision.createdAt),
                  })}
                  {" · "}
                  {t(`notices:editor.revisionKind.${kinds[index].kind}`)}
                  {kinds[index].note ? `: ${kinds[index].note}` : ""}
                </summary>
                <pre
                  className="mt-1 border border-line p-2 text-sm whitespace-pre-wrap"
                  aria-label={t("notices:editor.diff")}
                >
                  {revisionDiff(index ? notice.revisions[index - 1] : null, revision, label).map((part, i) =>
                    part.kind === "added" ? (
                      <ins key={i} className="bg-green-100">
                        {part.text}
                      </ins>
                    ) : part.kind === "removed" ? (
                      <del key={i} className="bg-red-100">
                        {part.text}
                      </del>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      </Section>
    </StaffPage>
  );
}
