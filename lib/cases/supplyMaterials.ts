import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { FormError, NotFoundError } from "../shared/errors";
import { saveUpload, uploadContent, type TFormFile } from "../uploads/saveUpload";
import { applyCaseStep } from "./applyCaseStep";
import { caseWorkflow } from "./caseWorkflow";

/** The applicant answers a 补正 request: new files (checked like any upload) and a note; the case returns to 预审. */
export async function supplyMaterials(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    expectedVersion: number;
    files: TFormFile[];
    note?: string;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  const files = input.files.filter((file) => file.size > 0);
  // the applicant's own case in 补正, before any file is stored
  const own = await prisma.application.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    select: { status: true },
  });
  if (!own) throw new NotFoundError("case");
  if (!caseWorkflow.steps.supplyMaterials.from.includes(own.status))
    throw new FormError("transitionNotAllowed");
  if (!files.length) throw new FormError("fileRequired", "files");
  const ids: string[] = [];
  for (const file of files) {
    const saved = await saveUpload({
      db: prisma,
      actor: input.actor,
      ...(await uploadContent(file)),
      field: "files",
      purpose: "supplement",
    });
    ids.push(saved.id);
  }
  return applyCaseStep({
    db: prisma,
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    step: "supplyMaterials",
    expectedVersion: input.expectedVersion,
    reason: input.note,
    newUploadIds: ids,
  });
}
