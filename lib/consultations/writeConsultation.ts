import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError } from "../shared/errors";
import { isConsultationEditor, mayEditConsultation } from "./consultationWorkflow";
import { periodOfDays, periodProblem } from "./rules";
import type { TConsultationInput, TFeedbackInput } from "./schema";

/** The columns a draft's form sets, with its period checked against the kind's minimum. */
async function draftColumns(prisma: PrismaClient, input: TConsultationInput) {
  const period = periodOfDays(input.opensOn, input.closesOn);
  if (!period) throw new FormError("dateFormat", "opensOn");
  const problem = periodProblem(input.kind, period.opensAt, period.closesAt);
  if (problem) throw new FormError(problem.key, problem.field);
  const department = await prisma.department.findFirst({
    where: { code: input.department, issuerOnly: false },
    select: { id: true },
  });
  if (!department) throw new FormError("choose", "department");
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    kind: input.kind,
    departmentId: department.id,
    ...period,
  };
}

/** Refuses (audited, as not found) anyone who is not an editor. */
async function refuseNonEditor(prisma: PrismaClient, actor: TSessionUser, action: string, entityId: string) {
  if (isConsultationEditor(actor)) return;
  throw await deniedAsNotFound(prisma, { actorId: actor.id, action, entityType: "Consultation", entityId });
}

/** A new draft consultation by an editor; audited. */
export async function createConsultation(
  input: { actor: TSessionUser; consultation: TConsultationInput } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseNonEditor(prisma, input.actor, "consultation.create", "new");
  const data = await draftColumns(prisma, input.consultation);
  return prisma.$transaction(async (tx) => {
    const created = await tx.consultation.create({ data: { ...data, authorId: input.actor.id } });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "consultation.create",
      entityType: "Consultation",
      entityId: created.id,
    });
    return created;
  });
}

/** The next version of a draft (text, department, kind, period); a consultation once opened keeps them. */
export async function updateConsultation(
  input: {
    actor: TSessionUser;
    consultationId: string;
    expectedVersion: number;
    consultation: TConsultationInput;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseNonEditor(prisma, input.actor, "consultation.edit", input.consultationId);
  const current = await prisma.consultation.findUnique({ where: { id: input.consultationId } });
  if (!current)
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "consultation.edit",
      entityType: "Consultation",
      entityId: input.consultationId,
    });
  if (current.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!mayEditConsultation(input.actor, current)) throw new FormError("consultationOnlyDraftEditable");
  const data = await draftColumns(prisma, input.consultation);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.consultation.updateMany({
      where: { id: current.id, version: current.version, status: "DRAFT" },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "consultation.edit",
      entityType: "Consultation",
      entityId: current.id,
      detail: { version: current.version + 1 },
    });
  });
}

/**
 * Saves the feedback summary (采纳情况) of a closed consultation: the Markdown, how many comments
 * were adopted, partly adopted and not adopted (together no more than the comments it kept), and
 * the final document by its 索引号. Published afterwards by the publishFeedback step.
 */
export async function saveFeedback(
  input: {
    actor: TSessionUser;
    consultationId: string;
    expectedVersion: number;
    feedback: TFeedbackInput;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseNonEditor(prisma, input.actor, "consultation.feedback", input.consultationId);
  const current = await prisma.consultation.findUnique({ where: { id: input.consultationId } });
  if (!current)
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "consultation.feedback",
      entityType: "Consultation",
      entityId: input.consultationId,
    });
  if (current.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (current.status !== "CLOSED") throw new FormError("consultationFeedbackAfterClose");
  const { feedback, adoptedCount, partlyAdoptedCount, notAdoptedCount, finalDocument } = input.feedback;
  const kept = await prisma.consultationComment.count({
    where: { consultationId: current.id, status: "APPROVED" },
  });
  if (adoptedCount + partlyAdoptedCount + notAdoptedCount > kept)
    throw new FormError(`consultationCountsTooMany|${kept}`, "adoptedCount");
  let finalDocumentId: string | null = null;
  if (finalDocument) {
    const document = await prisma.disclosureDocument.findFirst({
      where: { indexNo: finalDocument, status: "PUBLISHED" },
      select: { id: true },
    });
    if (!document) throw new FormError("consultationDocumentUnknown", "finalDocument");
    finalDocumentId = document.id;
  }
  await prisma.$transaction(async (tx) => {
    const updated = await tx.consultation.updateMany({
      where: { id: current.id, version: current.version, status: "CLOSED" },
      data: {
        feedback,
        adoptedCount,
        partlyAdoptedCount,
        notAdoptedCount,
        finalDocumentId,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "consultation.feedback",
      entityType: "Consultation",
      entityId: current.id,
    });
  });
}
