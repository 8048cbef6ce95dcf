"use client";

import type { TFormState } from "@/lib/actions/formState";
import { FormHead } from "./ErrorSummary";
import { useFormAction } from "./useFormAction";
import { Field, inputClass } from "../ui/Field";

type Props = {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** `code`: an authenticator's 6 digits; `recoveryCode`: one of the recovery codes */
  name: "code" | "recoveryCode";
  label: string;
  hint?: string;
  submitLabel: string;
  messages: Record<string, string>;
  errorTitle: string;
  hidden?: Record<string, string>;
  idPrefix?: string;
  /** shown instead of the form once the action returned codes to see once (recovery codes) */
  shownOnce?: { title: string; intro: string; next?: React.ReactNode };
  /** shown instead of the form when there is nothing left to confirm (and no codes to show) */
  instead?: React.ReactNode;
};

/**
 * One field for a one-time code, bound to a server action (it posts without JavaScript too). An
 * authenticator code is a plain numeric `<input>` that password managers and phones can fill
 * (`autocomplete="one-time-code"`); what was typed is never put back after a failure, it is
 * spent or wrong. When the action hands back recovery codes, they are shown here, once.
 */
export function CodeForm({
  action,
  name,
  label,
  hint,
  submitLabel,
  messages,
  errorTitle,
  hidden = {},
  idPrefix = "field",
  shownOnce,
  instead,
}: Props) {
  const { state, formAction, pending, summary, errors, message } = useFormAction(
    action,
    messages,
    undefined,
    undefined,
    { [name]: { label, kind: "input" } },
  );
  if (shownOnce && state.ok && state.shownOnce?.length)
    return (
      <section aria-labelledby={`${idPrefix}-codes-title`} className="grid max-w-lg gap-3">
        <h2 id={`${idPrefix}-codes-title`} className="text-xl font-bold">
          {shownOnce.title}
        </h2>
        <p>{shownOnce.intro}</p>
        <ol className="grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
          {state.shownOnce.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        {shownOnce.next}
      </section>
    );
  if (instead) return instead;
  const id = `${idPrefix}-${name}`;
  const error = state.fieldErrors[name] ? message(state.fieldErrors[name], name) : undefined;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <form action={formAction} className="grid max-w-lg gap-4" noValidate>
      <FormHead summary={summary} title={errorTitle} errors={errors} idPrefix={idPrefix} hidden={hidden} />
      <Field id={id} label={label} hint={hint} error={error}>
        <input
          id={id}
          name={name}
          type="text"
          autoComplete={name === "code" ? "one-time-code" : "off"}
          inputMode={name === "code" ? "numeric" : "text"}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={`${inputClass} max-w-48 font-mono text-lg`}
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="min-h-10 justify-self-start bg-brand px-6 py-2 font-bold text-white"
      >
        {submitLabel}
      </button>
    </form>
  );
}
