import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "./SimpleForm";

/**
 * The e-mail and password form, one for both portals. Staff sign in with their work address,
 * which password managers should remember as a user name rather than a contact address.
 */
export function SignInForm({
  t,
  action,
  hidden,
  emailAutoComplete = "email",
}: {
  t: TFunction;
  action: ComponentProps<typeof SimpleForm>["action"];
  hidden?: Record<string, string>;
  emailAutoComplete?: "email" | "username";
}) {
  return (
    <SimpleForm
      action={action}
      hidden={hidden}
      fields={[
        { name: "email", type: "email", label: t("auth:email"), autoComplete: emailAutoComplete },
        { name: "password", type: "password", label: t("auth:password"), autoComplete: "current-password" },
      ]}
      submitLabel={t("auth:signIn")}
      messages={errorMessages(t)}
      errorTitle={t("errors:summaryTitle")}
    />
  );
}
