/** A control's hint and error, with the ids its aria-describedby points at (GOV.UK pattern). */
export function FieldHelp({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-bold text-brand">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled filter or form control wrapper with an optional hint and error (GOV.UK pattern). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`grid gap-1 ${error ? "border-l-4 border-brand pl-3" : ""}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** Radios or checkboxes under one legend, the group described by its hint and error. */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy || undefined}
      className={`grid gap-2 ${error ? "border-l-4 border-brand pl-3" : ""}`}
    >
      <legend className="font-medium">{legend}</legend>
      <FieldHelp id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

export const inputClass = "border-2 border-ink px-2 py-1 min-h-10 bg-white";
