import { answersAsFormValues, validateAnswers } from "@/lib/services/answers";
import { fieldViews, formText } from "@/lib/services/formView";
import { StepForm } from "@/components/form/StepForm";
import { fileHintOf, stepFormProps, type TApplyView } from "./applyView";

/** One step of the service's own form. */
export function ServiceStep({ view, stepId }: { view: TApplyView; stepId: string }) {
  const { t, locale, query, returned } = view;
  const { service, draft, files, locked, applyingFor } = view.application;
  const step = service.form.steps.find((s) => s.id === stepId)!;
  // every field is on the page (no JavaScript needed); a conditional one says when it applies
  const conditionHint = (name: string) => {
    const condition = step.fields.find((f) => f.name === name)?.showIf;
    if (!condition) return undefined;
    const on = service.form.steps.flatMap((s) => s.fields).find((f) => f.name === condition.field);
    const option = on?.options?.find((o) => o.value === condition.equals);
    return on && option
      ? t("apply:conditionalHint", {
          field: formText(locale, on.label),
          option: formText(locale, option.label),
        })
      : undefined;
  };
  const checked = query.errors ? validateAnswers(service.form, draft.answers, [step.id]) : null;
  const values = answersAsFormValues(
    Object.fromEntries(
      Object.entries(draft.answers).filter(
        ([name]) => !step.fields.some((f) => f.type === "file" && f.name === name),
      ),
    ),
  );
  const lockedHint = t(
    applyingFor.applyingFor === "other" ? "apply:applyingFor.principalLockedHint" : "apply:lockedHint",
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{formText(locale, step.title)}</h1>
      <StepForm
        key={step.id}
        {...stepFormProps(view, step.id)}
        fields={fieldViews(locale, step.fields, files, draft.answers, fileHintOf(t)).map((field) => {
          if (locked[field.name] !== undefined) return { ...field, readOnly: true, hint: lockedHint };
          const condition = conditionHint(field.name);
          return condition ? { ...field, hint: [condition, field.hint].filter(Boolean).join(" ") } : field;
        })}
        initial={
          returned ?? { ok: false, fieldErrors: checked && !checked.ok ? checked.fieldErrors : {}, values }
        }
      />
    </>
  );
}
