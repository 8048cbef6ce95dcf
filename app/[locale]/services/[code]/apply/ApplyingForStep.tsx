import { answersAsFormValues, validateAnswers } from "@/lib/services/answers";
import { fieldViews } from "@/lib/services/formView";
import { applyingForForm, applyingForStepId } from "@/lib/cases/applyingFor";
import { StepForm } from "@/components/form/StepForm";
import { fileHintOf, stepFormProps, type TApplyView } from "./applyView";

// the apply namespace's labels (applyingFor.*) of the step's fields: lib/cases/applyingFor.ts only validates them
const applyingForLabels: Record<string, string> = {
  applyingFor: "label",
  onBehalfName: "name",
  onBehalfIdNumber: "idNumber",
  onBehalfDeclaration: "declaration",
};

/** Who the application is for: the citizen, or someone else (代办) with their 授权委托书. */
export function ApplyingForStep({ view }: { view: TApplyView }) {
  const { t, locale, query, returned } = view;
  const { files, applyingFor } = view.application;
  const onlyOther = t("apply:applyingFor.onlyOther");
  const defined = applyingForForm.steps[0].fields;
  const checked =
    query.errors && applyingFor.applyingFor ? validateAnswers(applyingForForm, applyingFor) : null;
  const values = answersAsFormValues(
    Object.fromEntries(Object.entries(applyingFor).filter(([name]) => name !== "onBehalfDeclaration")),
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t("apply:applyingFor.title")}</h1>
      <p>{t("apply:applyingFor.intro")}</p>
      <StepForm
        key={applyingForStepId}
        {...stepFormProps(view, applyingForStepId)}
        fields={fieldViews(locale, defined, files, applyingFor, fileHintOf(t)).map((field, index) => ({
          ...field,
          label: t(`apply:applyingFor.${applyingForLabels[field.name]}`),
          // the 代办 fields say they are only for someone else; the 授权委托书 what it is
          hint: defined[index].showIf
            ? [onlyOther, field.type === "file" ? t("apply:applyingFor.declarationHint") : "", field.hint]
                .filter(Boolean)
                .join(" ")
            : field.hint,
          options: field.options?.map((option) => ({
            ...option,
            label: t(`apply:applyingFor.${option.value}`),
          })),
        }))}
        initial={
          returned ?? { ok: false, fieldErrors: checked && !checked.ok ? checked.fieldErrors : {}, values }
        }
      />
    </>
  );
}
