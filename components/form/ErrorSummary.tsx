type Props = {
  title: string;
  errors: { field: string; message: string }[];
  ref?: React.Ref<HTMLDivElement>;
  id?: string;
  fieldPrefix?: string;
};

/** The GOV.UK error summary: a titled list linking to each field in error. */
export function ErrorSummary({ title, errors, ref, id = "error-summary", fieldPrefix = "field" }: Props) {
  if (!errors.length) return null;
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      className="border-4 border-brand p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {title}
      </h2>
      <ul className="mt-2 ml-6 list-disc">
        {errors.map((error) => (
          <li key={error.field}>
            {error.field === "form" ? (
              error.message
            ) : (
              <a href={`#${fieldPrefix}-${error.field}`}>{error.message}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The top of a small form: its error summary (ids prefixed when a page has several forms) and the
 * hidden values it posts.
 */
export function FormHead({
  summary,
  title,
  errors,
  idPrefix,
  hidden,
}: {
  summary: React.Ref<HTMLDivElement>;
  title: string;
  errors: Props["errors"];
  idPrefix: string;
  hidden: Record<string, string>;
}) {
  return (
    <>
      <ErrorSummary
        ref={summary}
        title={title}
        errors={errors}
        id={idPrefix === "field" ? "error-summary" : `${idPrefix}-error-summary`}
        fieldPrefix={idPrefix}
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
