import { staffPageMetadata } from "@/lib/i18n/server";
import { staffRequest } from "@/lib/disclosure/requestQueries";
import { requestWorkflow } from "@/lib/disclosure/requestWorkflow";
import { confirmStepPage } from "../../../confirmStepPage";

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/** The second page of an irreversible step on a 依申请公开 request; without one waiting, back to the request. */
export default confirmStepPage({
  list: "/staff/requests",
  load: ({ actor, key }) => staffRequest({ actor, trackingNumber: key }),
  steps: requestWorkflow.steps,
  namespaces: ["staff", "disclosure", "account"],
  show: ({ found, step, t }) => ({
    step: t(`disclosure:staff.step.${step}`),
    consequence: t(`disclosure:staff.confirm.${step}`),
    facts: [
      { term: t("staff:column.trackingNumber"), value: found.trackingNumber },
      { term: t("disclosure:staff.column.requester"), value: found.requesterName },
      { term: t("disclosure:request.description"), value: found.description },
    ],
    postTo: "/api/forms/request-step",
  }),
});
