import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { hasRole } from "../auth/policy";
import { saveUpload, uploadContent, type TFormFile } from "../uploads/saveUpload";
import { applyRequestStep, type TRequestStepInput } from "./applyRequestStep";

/**
 * One step on a 依申请公开 request as a form takes it; a reply (答复) comes with the files to
 * deliver with it. Those are stored only for an officer of the request's department — for
 * anyone else nothing is stored and the step itself refuses them (audited, 404) — and the reply
 * step links them to the request in the transaction that records the reply.
 */
export async function takeRequestStep(
  input: Omit<TRequestStepInput, "replyFileIds"> & {
    /** a file input left empty sends one empty file: those are ignored */
    replyFiles?: TFormFile[];
  } & TDbOption,
) {
  const { replyFiles = [], db, ...step } = input;
  const prisma = await clientOf({ db });
  const files = step.step === "reply" ? replyFiles.filter((file) => file.size > 0) : [];
  const replyFileIds: string[] = [];
  if (files.length && (await isOfficerFor(prisma, step))) {
    for (const file of files) {
      const stored = await saveUpload({
        actor: step.actor,
        ...(await uploadContent(file)),
        field: "replyFiles",
        purpose: "reply",
        db: prisma,
      });
      replyFileIds.push(stored.id);
    }
  }
  return applyRequestStep({ ...step, replyFileIds, db: prisma });
}

async function isOfficerFor(
  prisma: Awaited<ReturnType<typeof clientOf>>,
  step: Pick<TRequestStepInput, "actor" | "trackingNumber">,
) {
  const found = await prisma.disclosureRequest.findUnique({
    where: { trackingNumber: step.trackingNumber },
    select: { department: { select: { code: true } } },
  });
  return !!found && hasRole(step.actor, "DISCLOSURE_OFFICER", found.department.code);
}
