import { staffPageMetadata } from "@/lib/i18n/server";
import { errorMessages } from "@/lib/i18n/messages";
import { noticeForStaff } from "@/lib/notices/staffQueries";
import { noticeWorkflow } from "@/lib/notices/noticeWorkflow";
import { SimpleForm } from "@/components/form/SimpleForm";
import { confirmStepPage } from "../../../confirmStepPage";
import { noticeStepAction } from "../../actions";

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/** The second page of 退回 or 归档 on a notice; without one waiting for this person, back to the notice. */
export default confirmStepPage({
  list: "/staff/notices",
  param: "id",
  load: ({ actor, key }) => noticeForStaff({ actor, id: key }),
  keyField: "id",
  steps: noticeWorkflow.steps,
  namespaces: ["staff", "notices", "errors"],
  show: ({ found: notice, step, values, t }) => ({
    step: t(`notices:editor.step.${step}`),
    subject: notice.title,
    consequence: t(`notices:editor.confirm.${step}`),
    facts: [
      { term: t("notices:editor.field.title"), value: notice.title },
      { term: t("notices:editor.statusColumn"), value: t(`notices:status.${notice.status}`) },
      ...(values.comment ? [{ term: t("notices:editor.comment"), value: values.comment }] : []),
    ],
    anchor: "workflow",
    cancelLabel: t("notices:editor.confirmCancel"),
    form: (confirmLabel) => (
      <SimpleForm
        idPrefix="confirm"
        action={noticeStepAction}
        hidden={{ ...values, confirmed: "1" }}
        fields={[]}
        submitLabel={confirmLabel}
        tone="warning"
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
      />
    ),
  }),
});
