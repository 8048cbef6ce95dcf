import "server-only";
import { postStep } from "../workflow/confirmStep";
import { checkRequestStep } from "./applyRequestStep";
import { requestWorkflow } from "./requestWorkflow";
import { takeRequestStep } from "./takeRequestStep";

/**
 * An officer's step as the request page posts it, answering where the browser goes next: an
 * irreversible step (逾期未补正，不再处理) is checked, then shown back on the confirmation page and
 * taken only when confirmed there; any other step at once (postCaseStep is the same for cases).
 */
export async function postRequestStep(
  input: Parameters<typeof takeRequestStep>[0] & {
    confirmed?: string;
    values: Record<string, string>;
  },
): Promise<string> {
  const { values, confirmed, replyFiles, ...step } = input;
  return postStep({
    ...step,
    values,
    confirmed,
    rule: requestWorkflow.steps[input.step],
    path: `/staff/requests/${input.trackingNumber}`,
    check: (db) => checkRequestStep({ ...step, db }),
    take: () => takeRequestStep({ ...step, replyFiles }),
  });
}
