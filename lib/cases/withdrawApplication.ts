import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { applyTransition } from "./applyTransition";

/** The applicant withdraws (撤回) their own application before the decision. */
export async function withdrawApplication(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    expectedVersion: number;
    reason?: string;
  } & TDbOption,
) {
  return applyTransition(await clientOf(input), {
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    transition: "withdraw",
    expectedVersion: input.expectedVersion,
    reason: input.reason,
  });
}
