import "server-only";
import type { TSessionUser } from "../auth/types";
import type { TDbOption } from "../db/client";
import type { TFormFile } from "../uploads/saveUpload";
import { postStep } from "../workflow/confirmStep";
import { checkCaseStep } from "./applyCaseStep";
import { caseWorkflow, type TCaseStep } from "./caseWorkflow";
import { takeCaseStep } from "./takeCaseStep";

/**
 * A caseworker's step as the case page posts it, answering where the browser goes next. An
 * irreversible step (不予受理, 不予许可) is first checked as if taken — a missing reason or a case
 * changed meanwhile comes back to the form at once — then kept and shown back on the confirmation
 * page; only its second, confirmed post takes it. Any other step is taken at once. After a step the
 * case page says what happened (`done`).
 */
export async function postCaseStep(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    step: TCaseStep;
    expectedVersion: number;
    reason?: string;
    missing?: string[];
    resultFile?: TFormFile | null;
    /** "1" from the confirmation page's form */
    confirmed?: string;
    /** what was posted, as the form's fields: kept for the confirmation page */
    values: Record<string, string>;
    now?: Date;
  } & TDbOption,
): Promise<string> {
  const { values, confirmed, resultFile, ...step } = input;
  return postStep({
    ...step,
    values,
    confirmed,
    rule: caseWorkflow.steps[input.step],
    path: `/staff/cases/${input.trackingNumber}`,
    check: (db) => checkCaseStep({ ...step, db }),
    take: () => takeCaseStep({ ...step, resultFile }),
  });
}
