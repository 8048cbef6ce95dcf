import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { departmentList } from "@/lib/places/queries";
import { takesHotlineCalls } from "@/lib/letters/hotline";
import { SimpleForm } from "@/components/form/SimpleForm";
import { letterRoutingFields } from "@/components/letters/routingFields";
import { StaffPage } from "@/components/staff/StaffPage";
import { createWorkOrderAction } from "./actions";

export const generateMetadata = staffPageMetadata("letters", "letters:hotline.newTitle");

/** The 12345 operator's form: a call taken down as a letter (channel 热线电话), the caller's number kept private. */
export default async function NewWorkOrderPage() {
  const actor = await requireStaff();
  // the letters office takes calls; createWorkOrder checks (and audits) again on submission
  if (!takesHotlineCalls(actor)) notFound();
  const [t, departments] = await Promise.all([
    getT(defaultLocale, ["letters", "staff", "errors"]),
    departmentList(),
  ]);
  return (
    <StaffPage
      className="grid max-w-2xl gap-4"
      back={{ href: "/staff/letters", label: t("letters:staff.queue"), nav: t("breadcrumb") }}
      title={t("letters:hotline.newTitle")}
    >
      <p>{t("letters:hotline.newIntro")}</p>
      <SimpleForm
        action={createWorkOrderAction}
        hidden={{ requestId: randomUUID() }}
        fields={[
          {
            name: "callerPhone",
            type: "text",
            autoComplete: "off",
            label: t("letters:hotline.callerPhone"),
            hint: t("letters:hotline.callerPhoneHint"),
          },
          ...letterRoutingFields(t, defaultLocale, departments),
          { name: "subject", type: "text", label: t("letters:field.subject") },
          { name: "content", type: "textarea", rows: 8, label: t("letters:hotline.content") },
          {
            name: "consentToPublish",
            type: "radio",
            label: t("letters:hotline.consent"),
            options: codeOptions(t, "letters:consent", ["yes", "no"]),
          },
          { name: "externalRef", type: "text", autoComplete: "off", label: t("letters:hotline.externalRef") },
        ]}
        submitLabel={t("letters:hotline.submit")}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
      />
    </StaffPage>
  );
}
