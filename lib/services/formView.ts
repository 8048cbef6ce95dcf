import type { TLocale } from "../i18n/settings";
import { lt } from "../i18n/content";
import { formatIsoDay } from "../i18n/format";
import { extensionOf } from "../uploads/detectType";
import type { TBilingual, TFormDefinition, TFormField } from "./form-definition";
import type { TAnswers } from "./answers";

/** A bilingual label of a form definition in a locale (Traditional by conversion). */
export function formText(locale: TLocale, text: TBilingual): string {
  return lt(locale, text.zh, text.en);
}

export type TFileHint = (types: string, size: number) => string;

/** The fields of one step as the page shows them (translated; files with their current name). */
export function fieldViews(
  locale: TLocale,
  fields: TFormField[],
  files: Record<string, string>,
  answers: TAnswers,
  fileHint: TFileHint,
) {
  return fields.map((field) => {
    const accept = field.accept ?? ["application/pdf", "image/jpeg", "image/png"];
    const current = answers[field.name];
    return {
      name: field.name,
      type: field.type,
      label: formText(locale, field.label),
      hint:
        field.type === "file"
          ? [
              field.hint ? formText(locale, field.hint) : "",
              fileHint(
                accept.map((type) => extensionOf[type].toUpperCase()).join(" / "),
                field.maxSizeMb ?? 10,
              ),
            ]
              .filter(Boolean)
              .join(" ")
          : field.hint
            ? formText(locale, field.hint)
            : undefined,
      required: field.required,
      maxLength: field.maxLength,
      options: field.options?.map((option) => ({
        value: option.value,
        label: formText(locale, option.label),
      })),
      accept: field.type === "file" ? accept.join(",") : undefined,
      currentFile: field.type === "file" && typeof current === "string" ? files[current] : undefined,
    };
  });
}

/** An answer as the check-your-answers page shows it. */
export function answerText(
  locale: TLocale,
  field: TFormField,
  value: string | string[] | undefined,
  files: Record<string, string>,
): string | null {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  if (field.type === "file") return typeof value === "string" ? (files[value] ?? null) : null;
  // a date in the locale's long form (2026年12月1日, 1 December 2026), as everywhere else
  if (field.type === "date" && typeof value === "string") return formatIsoDay(locale, value) ?? value;
  const label = (v: string) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? formText(locale, option.label) : v;
  };
  return Array.isArray(value) ? value.map(label).join(locale === "en" ? ", " : "、") : label(value);
}

export function stepTitles(locale: TLocale, form: TFormDefinition) {
  return form.steps.map((step) => ({ id: step.id, title: formText(locale, step.title) }));
}
