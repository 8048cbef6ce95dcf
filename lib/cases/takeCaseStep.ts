import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { saveUpload, uploadContent, type TFormFile } from "../uploads/saveUpload";
import { applyCaseStep, type TCaseStepInput } from "./applyCaseStep";
import { caseWorkflow } from "./caseWorkflow";
import { staffCaseOrDeny } from "./staffCases";

/**
 * A caseworker takes one step on a case, with the result document where the step needs one
 * (办结): the file is stored only for staff of the case's department (anyone else is refused,
 * audited, before anything is stored), then the step links it in its own transaction.
 */
export async function takeCaseStep(
  input: Omit<TCaseStepInput, "resultAttachmentId" | "newUploadIds" | "db"> & {
    actor: TSessionUser;
    resultFile?: TFormFile | null;
  } & TDbOption,
): Promise<{ status: string; version: number }> {
  const prisma = await clientOf(input);
  await staffCaseOrDeny(prisma, input.actor, input.trackingNumber, `case.${input.step}`);
  const stored =
    caseWorkflow.steps[input.step].issuesResult && input.resultFile && input.resultFile.size > 0
      ? await saveUpload({
          actor: input.actor,
          ...(await uploadContent(input.resultFile)),
          field: "resultFile",
          purpose: "result",
          db: prisma,
        })
      : null;
  return applyCaseStep({
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    step: input.step,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    missing: input.missing,
    now: input.now,
    resultAttachmentId: stored?.id,
    db: prisma,
  });
}
