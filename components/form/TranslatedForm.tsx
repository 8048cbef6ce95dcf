import type { ComponentProps } from "react";
import { renderT } from "@/lib/i18n/server";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "./SimpleForm";

type Props = Omit<ComponentProps<typeof SimpleForm>, "messages" | "errorTitle"> & {
  /** error messages beyond the errors namespace, for codes only this form can meet */
  messages?: Record<string, string>;
  /** a staff form: field errors speak of "the" name, not "your" (see errorMessages) */
  staff?: boolean;
};

/**
 * A SimpleForm translated on the server, in the language the page renders in: a client form cannot
 * take `t`, so its error messages and the error summary's title are handed to it here.
 */
export async function TranslatedForm({ messages, staff, ...form }: Props) {
  const t = await renderT("errors");
  return (
    <SimpleForm
      messages={{ ...errorMessages(t, { staff }), ...messages }}
      errorTitle={t("errors:summaryTitle")}
      {...form}
    />
  );
}
