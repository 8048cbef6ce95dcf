import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import { accountFormMessages } from "@/lib/users/messages";
import type { SimpleForm } from "../form/SimpleForm";
import { TranslatedForm } from "../form/TranslatedForm";
import { field } from "../form/fields";

/**
 * The page a mailed password link opens: whose account it is and the new password twice. The
 * token travels as a hidden field, so the form posts (without JavaScript too) to the same link.
 */
export function SetPasswordForm({
  t,
  action,
  token,
  email,
  hidden = {},
}: {
  t: TFunction;
  action: ComponentProps<typeof SimpleForm>["action"];
  token: string;
  email: string;
  hidden?: Record<string, string>;
}) {
  return (
    <div className="grid gap-4">
      <p>{t("users:setPassword.for", { email })}</p>
      <TranslatedForm
        idPrefix="password"
        action={action}
        hidden={{ ...hidden, token }}
        fields={[
          field.password("password", t("users:setPassword.password"), "new-password", {
            hint: t("users:setPassword.rule"),
          }),
          field.password("confirm", t("users:setPassword.confirm"), "new-password"),
        ]}
        submitLabel={t("users:setPassword.submit")}
        messages={accountFormMessages(t)}
      />
    </div>
  );
}
