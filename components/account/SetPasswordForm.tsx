import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import { SimpleForm } from "../form/SimpleForm";

/**
 * The page a mailed password link opens: whose account it is and the new password twice. The
 * token travels as a hidden field, so the form posts (without JavaScript too) to the same link.
 */
export function SetPasswordForm({
  t,
  action,
  token,
  email,
  messages,
  hidden = {},
}: {
  t: TFunction;
  action: ComponentProps<typeof SimpleForm>["action"];
  token: string;
  email: string;
  messages: Record<string, string>;
  hidden?: Record<string, string>;
}) {
  return (
    <div className="grid gap-4">
      <p>{t("users:setPassword.for", { email })}</p>
      <SimpleForm
        idPrefix="password"
        action={action}
        hidden={{ ...hidden, token }}
        fields={[
          {
            name: "password",
            type: "password",
            label: t("users:setPassword.password"),
            hint: t("users:setPassword.rule"),
            autoComplete: "new-password",
          },
          {
            name: "confirm",
            type: "password",
            label: t("users:setPassword.confirm"),
            autoComplete: "new-password",
          },
        ]}
        submitLabel={t("users:setPassword.submit")}
        messages={messages}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
