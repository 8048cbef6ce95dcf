import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { saveUpload } from "../uploads/saveUpload";
import { applyTransition, type TTransitionInput } from "./applyTransition";
import { caseTransitions } from "./transitions";
import { staffCaseOrDeny } from "./staffCases";

/**
 * A caseworker takes one step on a case, with the result document where the step needs one
 * (办结): the file is stored only for staff of the case's department (anyone else is refused,
 * audited, before anything is stored), then the step links it in its own transaction.
 */
export async function transitionCase(
  input: Omit<TTransitionInput, "resultAttachmentId" | "newUploadIds"> & {
    actor: TSessionUser;
    resultFile?: File | null;
  } & TDbOption,
): Promise<{ status: string; version: number }> {
  const prisma = await clientOf(input);
  await staffCaseOrDeny(prisma, input.actor, input.trackingNumber, `case.${input.transition}`);
  const stored =
    caseTransitions[input.transition].needsResultFile && input.resultFile && input.resultFile.size > 0
      ? await saveUpload({
          actor: input.actor,
          name: input.resultFile.name,
          bytes: new Uint8Array(await input.resultFile.arrayBuffer()),
          field: "resultFile",
          purpose: "result",
          db: prisma,
        })
      : null;
  return applyTransition(prisma, {
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    transition: input.transition,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    missing: input.missing,
    now: input.now,
    resultAttachmentId: stored?.id,
  });
}
