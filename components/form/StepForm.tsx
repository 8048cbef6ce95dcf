"use client";

import { ErrorSummary } from "./ErrorSummary";
import { useSummaryFocus, withFormError } from "./useFormAction";
import { messageForCode, type TFieldKind } from "@/lib/shared/errorCode";
import { Field, FieldGroup, inputClass } from "../ui/Field";
import { Button } from "../ui/Button";
import type { TFormState } from "@/lib/actions/formState";
import type { TFieldType } from "@/lib/services/form-definition";

/** One field of a service form, already translated for the page. */
export type TFieldView = {
  name: string;
  type: TFieldType;
  label: string;
  hint?: string;
  required: boolean;
  options?: { value: string; label: string }[];
  accept?: string;
  maxLength?: number;
  /** name of the file already uploaded for a file field */
  currentFile?: string;
  /** shown but not changeable (a verified name or ID number); the server ignores what is posted */
  readOnly?: boolean;
};

type Props = {
  /** the form route it posts to (lib/actions/formRoute), which streams the step's files */
  postTo: string;
  /** the hidden fields that say which form and step this is */
  hidden: Record<string, string>;
  fields: TFieldView[];
  /** errors and answers to show: what the route sent back, or the draft's */
  initial: TFormState;
  text: {
    continue: string;
    saveLater: string;
    optional: string;
    errorTitle: string;
    currentFile: string;
    replaceFile: string;
    select: string;
  };
  /** translated messages by error key; `{{limit}}` is filled from codes like `tooLongMax|50` */
  messages: Record<string, string>;
};

const inputAttributes: Partial<Record<TFieldView["type"], React.InputHTMLAttributes<HTMLInputElement>>> = {
  text: { type: "text" },
  address: { type: "text", autoComplete: "street-address" },
  email: { type: "email", autoComplete: "email", spellCheck: false },
  mobile: { type: "tel", inputMode: "numeric", autoComplete: "tel-national" },
  idCard: { type: "text", autoComplete: "off", spellCheck: false, autoCapitalize: "characters" },
  creditCode: { type: "text", autoComplete: "off", spellCheck: false, autoCapitalize: "characters" },
  number: { type: "text", inputMode: "decimal" },
  date: { type: "date" },
};

/** What a missing answer asks for: 请选择 a choice, 请至少选择一项 of boxes, 请上传 a file, else 请输入. */
function kindOf(type: TFieldView["type"]): TFieldKind {
  if (type === "select" || type === "radio") return "choice";
  if (type === "checkbox") return "multi";
  return type === "file" ? "file" : "input";
}

/**
 * A step of an application form, posted as multipart to a form route (with or without JavaScript),
 * which streams its files to storage; it comes back with the error summary and every answer kept.
 */
export function StepForm({ postTo, hidden, fields, initial: state, text, messages }: Props) {
  const summary = useSummaryFocus(state);
  // every message names its field: "请输入公民身份号码", "Enter your ID card number"
  const fieldMessage = (field: TFieldView) =>
    messageForCode(messages, state.fieldErrors[field.name], { label: field.label, kind: kindOf(field.type) });
  const message = (code: string) => messageForCode(messages, code);
  const errors = withFormError(
    state,
    fields.filter((f) => state.fieldErrors[f.name]).map((f) => ({ field: f.name, message: fieldMessage(f) })),
    message,
  );
  const value = (name: string) => state.values[name] ?? "";

  return (
    <form
      method="post"
      action={postTo}
      encType="multipart/form-data"
      className="grid max-w-2xl gap-6"
      noValidate
    >
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <ErrorSummary ref={summary} title={text.errorTitle} errors={errors} />
      {fields.map((field) => {
        const id = `field-${field.name}`;
        const error = state.fieldErrors[field.name] ? fieldMessage(field) : undefined;
        const describedBy =
          [
            field.hint ? `${id}-hint` : "",
            field.currentFile ? `${id}-current` : "",
            error ? `${id}-error` : "",
          ]
            .filter(Boolean)
            .join(" ") || undefined;
        const label = field.required ? field.label : `${field.label}${text.optional}`;

        if (field.type === "radio" || field.type === "checkbox") {
          // a group of checkboxes keeps its values one a line
          const chosen = field.type === "checkbox" ? value(field.name).split("\n") : value(field.name);
          return (
            <FieldGroup key={field.name} id={id} legend={label} hint={field.hint} error={error}>
              {field.options?.map((option) => (
                <label key={option.value} className="flex items-center gap-2">
                  <input
                    key={`${option.value}-${String(chosen)}`}
                    type={field.type}
                    name={field.name}
                    value={option.value}
                    defaultChecked={
                      Array.isArray(chosen) ? chosen.includes(option.value) : chosen === option.value
                    }
                    className="h-5 w-5"
                  />
                  {option.label}
                </label>
              ))}
            </FieldGroup>
          );
        }
        let control: React.ReactNode;
        if (field.type === "textarea") {
          control = (
            <textarea
              id={id}
              name={field.name}
              rows={5}
              defaultValue={value(field.name)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              className={inputClass}
            />
          );
        } else if (field.type === "select") {
          control = (
            <select
              key={value(field.name)}
              id={id}
              name={field.name}
              defaultValue={value(field.name)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              className={inputClass}
            >
              <option value="">{text.select}</option>
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          );
        } else if (field.type === "file") {
          control = (
            <>
              {field.currentFile ? (
                <p id={`${id}-current`}>{text.currentFile.replace("{{name}}", field.currentFile)}</p>
              ) : null}
              <input
                id={id}
                name={field.name}
                type="file"
                accept={field.accept}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                className={inputClass}
              />
              {field.currentFile ? <p className="text-sm text-muted">{text.replaceFile}</p> : null}
            </>
          );
        } else {
          control = (
            <input
              id={id}
              name={field.name}
              {...inputAttributes[field.type]}
              defaultValue={value(field.name)}
              readOnly={field.readOnly}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              className={`${inputClass} ${field.type === "address" ? "w-full" : ""} ${field.readOnly ? "bg-panel" : ""}`}
            />
          );
        }
        return (
          <Field key={field.name} id={id} label={label} hint={field.hint} error={error}>
            {control}
          </Field>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <Button name="intent" value="continue">
          {text.continue}
        </Button>
        <Button name="intent" value="save" variant="link" className="min-h-10">
          {text.saveLater}
        </Button>
      </div>
    </form>
  );
}
