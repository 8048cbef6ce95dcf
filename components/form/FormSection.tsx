import type { ComponentProps, ReactNode } from "react";
import { Section } from "../ui/Section";
import { TranslatedForm } from "./TranslatedForm";

type Props = Omit<ComponentProps<typeof TranslatedForm>, "idPrefix"> & {
  /** the section's heading id, and the prefix of the form's field ids unless `idPrefix` says otherwise */
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  idPrefix?: string;
  /** framed, for the step the reader is being asked to take */
  framed?: boolean;
};

/** One thing a reader can do on a page: a titled section with what it does and its form. */
export function FormSection({ id, title, intro, idPrefix = id, framed, ...form }: Props) {
  return (
    <Section id={id} title={title} className={`grid gap-2 ${framed ? "border-4 border-brand p-4" : ""}`}>
      {intro ? <p>{intro}</p> : null}
      <TranslatedForm idPrefix={idPrefix} {...form} />
    </Section>
  );
}
