import type { ComponentProps } from "react";
import { SimpleForm } from "@/components/form/SimpleForm";

type Props = Omit<ComponentProps<typeof SimpleForm>, "idPrefix" | "submitLabel" | "fields"> & {
  step: string;
  /** the step's name, on its button */
  label: string;
  /** what the step asks for besides its button (none: a button alone) */
  fields?: ComponentProps<typeof SimpleForm>["fields"];
};

/**
 * One workflow step as a form of its own: it sends the entity's hidden fields with the step, and its
 * field ids start with `step-${step}`, so several steps can stand on one page.
 */
export function WorkflowStepForm({ step, label, hidden, fields = [], ...form }: Props) {
  return (
    <SimpleForm
      idPrefix={`step-${step}`}
      hidden={{ ...hidden, step }}
      fields={fields}
      submitLabel={label}
      {...form}
    />
  );
}
