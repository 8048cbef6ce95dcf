/**
 * What every form action returns: on failure the field errors (i18n keys in the errors
 * namespace) and the values the user typed, so the form comes back filled in.
 */
export type TFormState = {
  ok: boolean;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: string;
  /** a reference to quote when something unexpected failed */
  reference?: string;
  /** values the person sees this once and the server keeps only hashed (new recovery codes) */
  shownOnce?: string[];
};

export const emptyFormState: TFormState = { ok: false, values: {}, fieldErrors: {} };
