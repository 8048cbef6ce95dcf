import type { TFormState } from "@/lib/actions/formState";
import { SimpleForm, type TSimpleField } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";

type Props<S extends string> = {
  title: string;
  /** the steps the workflow table allows this person now */
  steps: readonly S[];
  /** a step's name, as its heading and its button */
  label: (step: S) => string;
  /** what a step asks for besides the hidden fields */
  fields: (step: S) => TSimpleField[];
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

/** The next steps on a case or request, one titled form each; the form sends its step as `step`. */
export function StepForms<S extends string>({
  title,
  steps,
  label,
  fields,
  postTo,
  returned,
  initialValues,
  action,
  hidden,
  messages,
  errorTitle,
  empty,
}: Props<S>) {
  return (
    <Section id="next" title={title} className="grid gap-4">
      {steps.map((step) => (
        <section key={step} aria-labelledby={`step-${step}`} className="grid gap-2 border border-line p-4">
          <h3 id={`step-${step}`} className="font-bold">
            {label(step)}
          </h3>
          <SimpleForm
            idPrefix={step}
            action={action}
            postTo={postTo}
            returned={returned?.values.step === step ? returned : null}
            hidden={{ ...hidden, step }}
            fields={fields(step)}
            initialValues={initialValues?.(step)}
            submitLabel={label(step)}
            messages={messages}
            errorTitle={errorTitle}
          />
        </section>
      ))}
      {steps.length === 0 ? <p>{empty}</p> : null}
    </Section>
  );
}
