import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { ConsultationStatus } from "../db/generated/enums";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit, writeGuardedChange } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { mayEditConsultation } from "./consultationWorkflow";
import { consultationEntry, editorsConsultation, requireConsultationEditor } from "./editorAccess";
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

/** What every change to an existing consultation names: who, which one, and the version they saw. */
type TConsultationChange = {
  actor: TSessionUser;
  consultationId: string;
  expectedVersion: number;
} & TDbOption;

/**
 * The consultation an editor changes, as they saw it: anyone else, or one that does not exist, is
 * refused (audited as `action`) as not found; one changed since is refused as changed.
 */
async function consultationToChange(prisma: PrismaClient, input: TConsultationChange, action: string) {
  const access = { actor: input.actor, action, entityId: input.consultationId };
  const current = await editorsConsultation(prisma, access, () =>
    prisma.consultation.findUnique({ where: { id: input.consultationId } }),
  );
  if (current.version !== input.expectedVersion) throw new FormError("caseChanged");
  return current;
}

/**
 * Writes a change to the consultation as it was read (guarded on its version and status, so a
 * change made meanwhile is refused) and its audit entry, together.
 */
async function writeChange(
  prisma: PrismaClient,
  input: TConsultationChange,
  current: { id: string; version: number; status: ConsultationStatus },
  change: {
    action: string;
    data: Prisma.ConsultationUncheckedUpdateManyInput;
    detail?: Prisma.InputJsonObject;
  },
) {
  await writeGuardedChange(
    prisma,
    (tx) =>
      tx.consultation.updateMany({
        where: { id: current.id, version: current.version, status: current.status },
        data: { ...change.data, version: { increment: 1 } },
      }),
    consultationEntry({ actor: input.actor, action: change.action, entityId: current.id }, change.detail),
  );
}

/** A new draft consultation by an editor; audited. */
export async function createConsultation(
  input: { actor: TSessionUser; consultation: TConsultationInput } & TDbOption,
) {
  const prisma = await clientOf(input);
  await requireConsultationEditor(prisma, {
    actor: input.actor,
    action: "consultation.create",
    entityId: "new",
  });
  const data = await draftColumns(prisma, input.consultation);
  return prisma.$transaction(async (tx) => {
    const created = await tx.consultation.create({ data: { ...data, authorId: input.actor.id } });
    await writeAudit(
      tx,
      consultationEntry({ actor: input.actor, action: "consultation.create", entityId: created.id }),
    );
    return created;
  });
}

/** The next version of a draft (text, department, kind, period); a consultation once opened keeps them. */
export async function updateConsultation(input: TConsultationChange & { consultation: TConsultationInput }) {
  const prisma = await clientOf(input);
  const current = await consultationToChange(prisma, input, "consultation.edit");
  if (!mayEditConsultation(input.actor, current)) throw new FormError("consultationOnlyDraftEditable");
  const data = await draftColumns(prisma, input.consultation);
  await writeChange(prisma, input, current, {
    action: "consultation.edit",
    data,
    detail: { version: current.version + 1 },
  });
}

/**
 * Saves the feedback summary (采纳情况) of a closed consultation: the Markdown, how many comments
 * were adopted, partly adopted and not adopted (together no more than the comments it kept), and
 * the final document by its 索引号. Published afterwards by the publishFeedback step.
 */
export async function saveFeedback(input: TConsultationChange & { feedback: TFeedbackInput }) {
  const prisma = await clientOf(input);
  const current = await consultationToChange(prisma, input, "consultation.feedback");
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
  await writeChange(prisma, input, current, {
    action: "consultation.feedback",
    data: { feedback, adoptedCount, partlyAdoptedCount, notAdoptedCount, finalDocumentId },
  });
}
