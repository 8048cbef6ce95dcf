import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "./SimpleForm";

type Props = Omit<ComponentProps<typeof SimpleForm>, "messages" | "errorTitle"> & {
  /** the page's translations: they give the form its error messages and the summary's title */
  t: TFunction;
  /** error messages beyond the errors namespace, for codes only this form can meet */
  messages?: Record<string, string>;
};

/**
 * A SimpleForm translated on the server: a client form cannot take `t`, so the page's error
 * messages and the error summary's title are handed to it here, once for every form.
 */
export function TranslatedForm({ t, messages, ...form }: Props) {
  return (
    <SimpleForm
      messages={{ ...errorMessages(t), ...messages }}
      errorTitle={t("errors:summaryTitle")}
      {...form}
    />
  );
}
