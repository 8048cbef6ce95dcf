"use client";

import { useActionState, useEffect, useRef } from "react";
import { emptyFormState, type TFormState } from "@/lib/actions/formState";
import { messageForCode, type TErrorField } from "@/lib/shared/errorCode";

/** A form route's form has no action to call: its state is what the route sent back. */
const keepState = async (state: TFormState) => state;

/**
 * A form bound to a server action with useActionState (it posts without JavaScript too), or a form
 * posted to a form route (`returned`: what the route kept for it when it sent the browser back);
 * its translated errors for the summary, and focus moved to the summary after a failed submission
 * (GOV.UK pattern).
 */
export function useFormAction(
  action: ((state: TFormState, formData: FormData) => Promise<TFormState>) | undefined,
  messages: Record<string, string>,
  initialValues?: Record<string, string>,
  returned?: TFormState | null,
  /** the form's fields by name, in order: messages name them, the summary lists them in order */
  fields: Record<string, TErrorField> = {},
) {
  const [state, formAction, pending] = useActionState(
    action ?? keepState,
    returned ?? (initialValues ? { ...emptyFormState, values: initialValues } : emptyFormState),
  );
  const summary = useSummaryFocus(state);
  /** a field's message names the field (`name`) when the form knows its label */
  const message = (code: string, name?: string) =>
    messageForCode(messages, code, name ? fields[name] : undefined);
  const order = Object.keys(fields);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const errors = withFormError(
    state,
    Object.entries(state.fieldErrors)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([field, key]) => ({ field, message: message(key, field) })),
    message,
  );
  return { state, formAction, pending, summary, errors, message };
}

/**
 * The `<form>` attributes for either kind: a server action, or a multipart post to a form route
 * (lib/actions/formRoute), which streams its files instead of reading the body into memory.
 */
export function formTarget(
  postTo: string | undefined,
  formAction: (formData: FormData) => void,
): React.FormHTMLAttributes<HTMLFormElement> {
  return postTo ? { method: "post", action: postTo, encType: "multipart/form-data" } : { action: formAction };
}

/** The error summary's ref, focused after a failed submission (GOV.UK pattern). */
export function useSummaryFocus(state: TFormState) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(state.fieldErrors).length || state.formError) summary.current?.focus();
  }, [state]);
  return summary;
}

/** The summary's lines: the fields' errors, then the form's own error with its reference, if any. */
export function withFormError(
  state: TFormState,
  errors: { field: string; message: string }[],
  message: (code: string) => string,
): { field: string; message: string }[] {
  if (!state.formError) return errors;
  const formMessage = message(state.formError);
  return [
    ...errors,
    { field: "form", message: state.reference ? `${formMessage} (${state.reference})` : formMessage },
  ];
}
