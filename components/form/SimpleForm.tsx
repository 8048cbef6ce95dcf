"use client";

import type { TFormState } from "@/lib/actions/formState";
import type { TFieldKind } from "@/lib/shared/errorCode";
import { FormHead } from "./ErrorSummary";
import { formTarget, useFormAction } from "./useFormAction";
import { Field, FieldGroup, inputClass } from "../ui/Field";
import { buttonClass } from "../ui/Button";

export type TSimpleField = {
  name: string;
  label: string;
  type: "text" | "email" | "password" | "radio" | "textarea" | "file" | "select";
  autoComplete?: string;
  /** textarea height */
  rows?: number;
  /** file inputs: several files, allowed types */
  multiple?: boolean;
  accept?: string;
  hint?: string;
  /** how error messages name the field when its label is a question or an instruction */
  errorName?: string;
  options?: { value: string; label: string }[];
  /** select: the label of the empty first option (default: the "choose" prompt) */
  emptyOption?: string;
};

type Props = {
  /** a server action… */
  action?: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** …or, for a form with file inputs, the form route it posts to (lib/actions/formRoute) */
  postTo?: string;
  /** with `postTo`: the state the route kept when it sent the browser back (errors, what was typed) */
  returned?: TFormState | null;
  fields: TSimpleField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  /** translated messages for error keys (errors namespace) */
  messages: Record<string, string>;
  errorTitle: string;
  /** "warning" for a destructive action such as withdrawing; "secondary" beside a page's one primary action */
  tone?: "primary" | "secondary" | "warning";
  /** prefix for element ids, distinct for each form when a page has several */
  idPrefix?: string;
  /** values to start from (an edit form) */
  initialValues?: Record<string, string>;
};

/** What a missing answer asks for: a choice, a file, or something typed. */
function fieldKind(type: TSimpleField["type"]): TFieldKind {
  return type === "radio" || type === "select" ? "choice" : type === "file" ? "file" : "input";
}

/**
 * A small form bound to a server action with useActionState, or posted to a form route: it posts
 * without JavaScript too, and comes back with field errors and what the user typed.
 */
export function SimpleForm({
  action,
  postTo,
  returned,
  fields,
  hidden = {},
  submitLabel,
  messages,
  errorTitle,
  tone = "primary",
  idPrefix = "field",
  initialValues,
}: Props) {
  const { state, formAction, pending, summary, errors, message } = useFormAction(
    action,
    messages,
    initialValues,
    returned,
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        { label: field.label, kind: fieldKind(field.type), name: field.errorName },
      ]),
    ),
  );

  return (
    <form {...formTarget(postTo, formAction)} className="grid max-w-lg gap-4" noValidate>
      <FormHead summary={summary} title={errorTitle} errors={errors} idPrefix={idPrefix} hidden={hidden} />
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const error = state.fieldErrors[field.name]
          ? message(state.fieldErrors[field.name], field.name)
          : undefined;
        const describedBy =
          [field.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
        if (field.type === "radio") {
          return (
            <FieldGroup key={field.name} id={id} legend={field.label} hint={field.hint} error={error}>
              {field.options?.map((option) => (
                <label key={option.value} className="flex items-center gap-2">
                  <input
                    key={`${option.value}-${state.values[field.name] ?? ""}`}
                    type="radio"
                    name={field.name}
                    value={option.value}
                    defaultChecked={state.values[field.name] === option.value}
                    className="h-5 w-5"
                  />
                  {option.label}
                </label>
              ))}
            </FieldGroup>
          );
        }
        if (field.type === "select") {
          return (
            <Field key={field.name} id={id} label={field.label} hint={field.hint} error={error}>
              <select
                key={state.values[field.name] ?? ""}
                id={id}
                name={field.name}
                defaultValue={state.values[field.name] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                // as wide as the form's column, never as wide as its longest option (a department's
                // full English name pushed the letter form 180 px past a phone's screen)
                className={`${inputClass} w-full`}
              >
                <option value="">{field.emptyOption ?? messages.selectPrompt ?? ""}</option>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </Field>
          );
        }
        if (field.type === "textarea" || field.type === "file") {
          return (
            <Field key={field.name} id={id} label={field.label} hint={field.hint} error={error}>
              {field.type === "textarea" ? (
                <textarea
                  id={id}
                  name={field.name}
                  rows={field.rows ?? 4}
                  defaultValue={state.values[field.name]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  className={inputClass}
                />
              ) : (
                <input
                  id={id}
                  name={field.name}
                  type="file"
                  multiple={field.multiple}
                  accept={field.accept}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  className={inputClass}
                />
              )}
            </Field>
          );
        }
        return (
          <Field key={field.name} id={id} label={field.label} hint={field.hint} error={error}>
            <input
              id={id}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              defaultValue={field.type === "password" ? undefined : state.values[field.name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          </Field>
        );
      })}
      <button type="submit" disabled={pending} className={buttonClass(tone, "justify-self-start")}>
        {submitLabel}
      </button>
    </form>
  );
}
