import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "@/components/form/SimpleForm";

/**
 * The change-password form, one for citizens and staff: the current password, and the new one
 * twice, under the same rules as at registration. Password managers see the new one as new.
 */
export function ChangePasswordForm({
  t,
  action,
  locale,
}: {
  t: TFunction;
  action: ComponentProps<typeof SimpleForm>["action"];
  locale: string;
}) {
  return (
    <SimpleForm
      action={action}
      idPrefix="password"
      hidden={{ locale }}
      fields={[
        {
          name: "currentPassword",
          type: "password",
          label: t("account:password.current"),
          autoComplete: "current-password",
        },
        {
          name: "password",
          type: "password",
          label: t("account:password.new"),
          hint: t("auth:passwordHint"),
          autoComplete: "new-password",
        },
        {
          name: "confirm",
          type: "password",
          label: t("account:password.confirm"),
          autoComplete: "new-password",
        },
      ]}
      submitLabel={t("account:password.submit")}
      messages={errorMessages(t)}
      errorTitle={t("errors:summaryTitle")}
    />
  );
}
