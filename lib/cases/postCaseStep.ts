import "server-only";
import { stepPoster } from "../workflow/confirmStep";
import { checkCaseStep } from "./applyCaseStep";
import { caseWorkflow } from "./caseWorkflow";
import { takeCaseStep } from "./takeCaseStep";

/**
 * A caseworker's step as the case page posts it, answering where the browser goes next. An
 * irreversible step (不予受理, 不予许可) is first checked as if taken — a missing reason or a case
 * changed meanwhile comes back to the form at once — then kept and shown back on the confirmation
 * page; only its second, confirmed post takes it. Any other step is taken at once. After a step the
 * case page says what happened (`done`).
 */
export const postCaseStep = stepPoster({
  steps: caseWorkflow.steps,
  page: (input) => `/staff/cases/${input.trackingNumber}`,
  check: checkCaseStep,
  take: takeCaseStep,
});
