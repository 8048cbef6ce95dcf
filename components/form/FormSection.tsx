import type { ComponentProps, ReactNode } from "react";
import type { TFunction } from "i18next";
import { errorMessages } from "@/lib/i18n/messages";
import { Section } from "../ui/Section";
import { SimpleForm } from "./SimpleForm";

type Props = Omit<ComponentProps<typeof SimpleForm>, "messages" | "errorTitle" | "idPrefix"> & {
  /** the section's heading id, and the prefix of the form's field ids unless `idPrefix` says otherwise */
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  t: TFunction;
  idPrefix?: string;
  /** error messages beyond the errors namespace, for codes only this form can meet */
  messages?: Record<string, string>;
  /** framed, for the step the reader is being asked to take */
  framed?: boolean;
};

/** One thing a reader can do on a page: a titled section with what it does and its form. */
export function FormSection({ id, title, intro, t, idPrefix = id, messages, framed, ...form }: Props) {
  return (
    <Section id={id} title={title} className={`grid gap-2 ${framed ? "border-4 border-brand p-4" : ""}`}>
      {intro ? <p>{intro}</p> : null}
      <SimpleForm
        idPrefix={idPrefix}
        messages={{ ...errorMessages(t), ...messages }}
        errorTitle={t("errors:summaryTitle")}
        {...form}
      />
    </Section>
  );
}
