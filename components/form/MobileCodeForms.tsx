import type { ComponentProps } from "react";
import { renderT } from "@/lib/i18n/server";
import type { TSimpleField } from "./SimpleForm";
import { FormSection } from "./FormSection";
import { field } from "./fields";

type TAction = NonNullable<ComponentProps<typeof FormSection>["action"]>;

/**
 * Where a texted code is asked for: signing in (or registering) with a number, or giving the
 * account a new one. Each names its sections and its fields, whose labels its locale group
 * (`sms:<purpose>`) holds under the same names.
 */
const purposes = {
  signIn: { send: "code-send", confirm: "code-sign-in", mobile: "mobile", code: "code" },
  mobile: { send: "mobile-send", confirm: "mobile-confirm", mobile: "newMobile", code: "newCode" },
} as const;

type Props = {
  purpose: keyof typeof purposes;
  /** the action that texts the code, then the one that takes it */
  actions: [send: TAction, confirm: TAction];
  hidden: Record<string, string>;
  /** the number typed so far, and whether a code was just sent to it (the confirm form then leads) */
  typed: { mobile: string; sent: boolean };
  /** what the confirm form asks beyond the number and its code */
  more: TSimpleField[];
};

/** Two forms in a row: send a code to a mobile number, then confirm with the number and that code. */
export async function MobileCodeForms({ purpose, actions: [send, confirm], hidden, typed, more }: Props) {
  const t = await renderT("sms");
  const names = purposes[purpose];
  const text = (key: string) => t(`sms:${purpose}.${key}`);
  const mobileField = field.text(names.mobile, text(names.mobile), "tel-national");
  // both forms carry the same hidden fields and start from the number typed
  const shared = { hidden, initialValues: { [names.mobile]: typed.mobile } };
  return (
    <>
      <FormSection
        id={names.send}
        title={text("sendTitle")}
        action={send}
        {...shared}
        tone={typed.sent ? "secondary" : "primary"}
        fields={[mobileField]}
        submitLabel={text("send")}
      />
      <FormSection
        id={names.confirm}
        title={text("confirmTitle")}
        action={confirm}
        {...shared}
        framed={typed.sent}
        fields={[mobileField, field.text(names.code, text(names.code), "one-time-code"), ...more]}
        submitLabel={text("confirm")}
      />
    </>
  );
}
