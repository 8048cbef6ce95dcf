import type { TFormState } from "@/lib/actions/formState";
import type { TStepTone } from "@/lib/workflow/workflow";
import { SimpleForm, type TSimpleField } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";

type Props<S extends string> = {
  title: string;
  /** the steps the workflow table allows this person now, in the order to show them */
  steps: readonly S[];
  /** a step's name, as its heading and its button */
  label: (step: S) => string;
  /** what a step asks for besides the hidden fields */
  fields: (step: S) => TSimpleField[];
  /** how a step looks: the one way forward, another step, or one that cannot be undone (default: every step plain, primary buttons) */
  tone?: (step: S) => TStepTone;
  /** said under the heading of a step that cannot be undone (it is confirmed on a second page) */
  warning?: string;
  /** what a step's fields start with (a proposal the person reviews), if anything */
  initialValues?: (step: S) => Record<string, string> | undefined;
  /** a server action every step posts to… */
  action?: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** …or the form route every step posts to (lib/actions/formRoute), where a step may carry files */
  postTo?: string;
  /** with `postTo`: what the route kept when it sent the browser back, shown by the form of the step it was for */
  returned?: TFormState | null;
  /** what every step form sends back: the entity and the version the person saw */
  hidden: Record<string, string>;
  messages: Record<string, string>;
  errorTitle: string;
  /** said when no step is open */
  empty: string;
};

const sectionClass: Record<TStepTone, string> = {
  primary: "border-4 border-brand",
  secondary: "border border-line",
  warning: "border-2 border-dashed border-brand-dark",
};

/**
 * The next steps on a case or request, one titled form each; the form sends its step as `step`.
 * The way forward is drawn strongest, steps that cannot be undone as warnings (GOV.UK's warning
 * button), so the safe choice is the obvious one.
 */
export function StepForms<S extends string>({
  title,
  steps,
  label,
  fields,
  tone,
  warning,
  postTo,
  returned,
  initialValues,
  action,
  hidden,
  messages,
  errorTitle,
  empty,
}: Props<S>) {
  const toneOf = (step: S): TStepTone => tone?.(step) ?? "primary";
  return (
    <Section id="next" title={title} className="grid gap-4">
      {steps.map((step) => (
        <section
          key={step}
          aria-labelledby={`step-${step}`}
          data-tone={tone ? toneOf(step) : undefined}
          className={`grid gap-2 p-4 ${tone ? sectionClass[toneOf(step)] : "border border-line"}`}
        >
          <h3 id={`step-${step}`} className="font-bold">
            {label(step)}
          </h3>
          {toneOf(step) === "warning" && warning ? (
            <p id={`step-${step}-warning`} className="font-bold text-brand-dark">
              {warning}
            </p>
          ) : null}
          <SimpleForm
            idPrefix={step}
            action={action}
            postTo={postTo}
            returned={returned?.values.step === step ? returned : null}
            hidden={{ ...hidden, step }}
            fields={fields(step)}
            initialValues={initialValues?.(step)}
            submitLabel={label(step)}
            tone={toneOf(step)}
            messages={messages}
            errorTitle={errorTitle}
          />
        </section>
      ))}
      {steps.length === 0 ? <p>{empty}</p> : null}
    </Section>
  );
}
