"use client";

import { useActionState, useEffect, useRef } from "react";
import { emptyFormState, type TFormState } from "@/lib/actions/formState";
import { messageForCode } from "@/lib/shared/errorCode";

/**
 * A form bound to a server action with useActionState (it posts without JavaScript too), its
 * translated errors for the summary, and focus moved to the summary after a failed submission
 * when JavaScript runs (GOV.UK pattern).
 */
export function useFormAction(
  action: (state: TFormState, formData: FormData) => Promise<TFormState>,
  messages: Record<string, string>,
  initialValues?: Record<string, string>,
) {
  const [state, formAction, pending] = useActionState(
    action,
    initialValues ? { ...emptyFormState, values: initialValues } : emptyFormState,
  );
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(state.fieldErrors).length || state.formError) summary.current?.focus();
  }, [state]);
  const message = (code: string) => messageForCode(messages, code);
  const errors = Object.entries(state.fieldErrors).map(([field, key]) => ({ field, message: message(key) }));
  if (state.formError)
    errors.push({
      field: "form",
      message: state.reference
        ? `${message(state.formError)} (${state.reference})`
        : message(state.formError),
    });
  return { state, formAction, pending, summary, errors, message };
}
