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
      {children}
    </div>
  );
}

export const inputClass = "border-2 border-ink px-2 py-1 min-h-10 bg-white";
