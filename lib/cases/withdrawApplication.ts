import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { applyCaseStep } from "./applyCaseStep";

/** The applicant withdraws (撤回) their own application before the decision. */
export async function withdrawApplication(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    expectedVersion: number;
    reason?: string;
  } & TDbOption,
) {
  return applyCaseStep({
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    step: "withdraw",
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    db: await clientOf(input),
  });
}
