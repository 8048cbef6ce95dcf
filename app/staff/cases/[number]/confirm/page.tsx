import { staffPageMetadata } from "@/lib/i18n/server";
import { getStaffCase } from "@/lib/cases/staffCases";
import { caseWorkflow } from "@/lib/cases/caseWorkflow";
import { confirmStepPage } from "../../../confirmStepPage";

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/**
 * The second page of 不予受理 or 不予: what will happen, the reason as the applicant will read it,
 * and the one button that takes the step. Without a step waiting for this person, back to the case.
 */
export default confirmStepPage({
  list: "/staff/cases",
  load: ({ actor, key }) => getStaffCase({ actor, trackingNumber: key }),
  steps: caseWorkflow.steps,
  namespaces: ["staff", "account", "privacy"],
  show: ({ found, step, values, t }) => ({
    step: t(`staff:step.${step}`),
    consequence: t(`staff:confirm.consequence.${step}`),
    facts: [
      { term: t("staff:column.trackingNumber"), value: found.trackingNumber },
      { term: t("staff:column.service"), value: found.service.name },
      {
        term: t("staff:column.applicant"),
        value: found.applicant.closedAt ? t("privacy:closedAccount") : found.applicant.name,
      },
      { term: t("account:status"), value: t(`account:caseStatus.${found.status}`) },
      { term: t("staff:reason"), value: values.reason ?? "" },
    ],
    postTo: "/api/forms/case-step",
  }),
});
