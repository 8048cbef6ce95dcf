import { Link } from "@/components/ui/Link";
import type { ReactNode } from "react";
import { randomUUID } from "node:crypto";
import { isFieldShown, validateAnswers } from "@/lib/services/answers";
import { answerText, formText } from "@/lib/services/formView";
import { applyingForForm, applyingForStepId } from "@/lib/cases/applyingFor";
import { Button } from "@/components/ui/Button";
import { StatusNote } from "@/components/ui/StatusNote";
import type { TApplyView } from "./applyView";
import { submitCase } from "./actions";

type TAnswerRow = { name: string; label: string; value: ReactNode | null };

/** One step's answers, each with a link back to its field to change it. */
function AnswerSection({
  view,
  stepId,
  title,
  rows,
}: {
  view: TApplyView;
  stepId: string;
  title: string;
  rows: TAnswerRow[];
}) {
  const { t, base } = view;
  return (
    <section aria-labelledby={`check-${stepId}`}>
      <h2 id={`check-${stepId}`} className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <dl className="border-t border-line">
        {rows.map(({ name, label, value }) => (
          <div key={name} className="grid gap-2 border-b border-line py-2 md:grid-cols-[14rem_1fr_6rem]">
            <dt className="font-bold">{label}</dt>
            <dd>{value ?? <span className="text-muted">{t("apply:noAnswer")}</span>}</dd>
            <dd>
              <Link href={`${base}?step=${stepId}&return=check#field-${name}`}>
                {t("apply:change")}
                <span className="sr-only"> {label}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Who the application is for, as chosen: the 代办's name, ID number and 授权委托书 when someone else. */
function applyingForRows(view: TApplyView): TAnswerRow[] {
  const { t } = view;
  const { applyingFor, files } = view.application;
  const forOther = applyingFor.applyingFor === "other";
  const chosen: TAnswerRow = {
    name: "applyingFor",
    label: t("apply:applyingFor.label"),
    value: t(forOther ? "apply:applyingFor.other" : "apply:applyingFor.self"),
  };
  if (!forOther) return [chosen];
  const declaration = applyingFor.onBehalfDeclaration;
  return [
    chosen,
    {
      name: "onBehalfName",
      label: t("apply:applyingFor.name"),
      value: String(applyingFor.onBehalfName ?? "") || null,
    },
    {
      name: "onBehalfIdNumber",
      label: t("apply:applyingFor.idNumber"),
      value: String(applyingFor.onBehalfIdNumber ?? "") || null,
    },
    {
      name: "onBehalfDeclaration",
      label: t("apply:applyingFor.declaration"),
      value: typeof declaration === "string" ? (files[declaration] ?? null) : null,
    },
  ];
}

/**
 * Check your answers: every answer with its way back to change it, then the declaration and the
 * one button that submits; while anything required is missing, a link to the first step that
 * lacks it instead.
 */
export function CheckAnswers({ view }: { view: TApplyView }) {
  const { t, locale, code, base } = view;
  const { service, draft, files, applyingFor, choosesApplyingFor } = view.application;
  const complete = validateAnswers(service.form, draft.answers);
  const whoComplete = !applyingFor.applyingFor || validateAnswers(applyingForForm, applyingFor).ok;
  const firstIncomplete = !whoComplete
    ? applyingForStepId
    : (service.form.steps.find((s) => s.fields.some((f) => !complete.ok && complete.fieldErrors[f.name]))
        ?.id ?? (choosesApplyingFor ? applyingForStepId : service.form.steps[0].id));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("apply:checkTitle")}</h1>
      {choosesApplyingFor ? (
        <AnswerSection
          view={view}
          stepId={applyingForStepId}
          title={t("apply:applyingFor.title")}
          rows={applyingForRows(view)}
        />
      ) : null}
      {service.form.steps.map((step) => (
        <AnswerSection
          key={step.id}
          view={view}
          stepId={step.id}
          title={formText(locale, step.title)}
          rows={step.fields
            .filter((field) => isFieldShown(field, draft.answers))
            .map((field) => ({
              name: field.name,
              label: formText(locale, field.label),
              value: answerText(locale, field, draft.answers[field.name], files),
            }))}
        />
      ))}
      {complete.ok && whoComplete ? (
        <form action={submitCase} className="grid gap-4">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="serviceCode" value={code} />
          <h2 className="text-xl font-bold">{t("apply:declarationTitle")}</h2>
          <p>{t("apply:declaration")}</p>
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <Button className="justify-self-start">{t("apply:submit")}</Button>
        </form>
      ) : (
        <StatusNote>
          {t("apply:incomplete")}{" "}
          <Link href={`${base}?step=${firstIncomplete}&errors=1`}>{t("apply:completeIt")}</Link>
        </StatusNote>
      )}
    </>
  );
}
