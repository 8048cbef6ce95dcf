import "server-only";
import { stepPoster } from "../workflow/confirmStep";
import { checkRequestStep } from "./applyRequestStep";
import { requestWorkflow } from "./requestWorkflow";
import { takeRequestStep } from "./takeRequestStep";

/**
 * An officer's step as the request page posts it, answering where the browser goes next: an
 * irreversible step (逾期未补正，不再处理) is checked, then shown back on the confirmation page and
 * taken only when confirmed there; any other step at once (postCaseStep is the same for cases).
 */
export const postRequestStep = stepPoster({
  steps: requestWorkflow.steps,
  page: (input) => `/staff/requests/${input.trackingNumber}`,
  check: checkRequestStep,
  take: takeRequestStep,
});
