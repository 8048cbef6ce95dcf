import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { writeAudit } from "../audit/writeAudit";
import { mayWorkCases } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { addWorkingDays, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError, NotFoundError } from "../shared/errors";
import { caseTransitions, type TTransitionName } from "./transitions";
import { notifyApplicant } from "../notifications/notifyApplicant";

export type TTransitionInput = {
  actor: TSessionUser;
  trackingNumber: string;
  transition: TTransitionName;
  /** the version the actor saw: a case changed since is refused (optimistic locking) */
  expectedVersion: number;
  reason?: string;
  /** 补正: every missing or faulty material, listed once */
  missing?: string[];
  /** 办结: the result document, an attachment the actor uploaded */
  resultAttachmentId?: string;
  /** 补正 answered: the applicant's new uploads */
  newUploadIds?: string[];
  now?: Date;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** 补正 is asked for once, listing everything, within 5 working days of submission (行政许可法 Art. 32). */
export const supplementWindowWorkingDays = 5;

/** Past the 补正 window without a 补正 request, the application counts as accepted on submission. */
async function deemedAccepted(
  prisma: PrismaClient,
  applicationId: string,
  submittedAt: Date,
  now: Date,
): Promise<boolean> {
  if (workingDaysBetween(chinaDay(submittedAt), chinaDay(now)) <= supplementWindowWorkingDays) return false;
  return (await prisma.caseEvent.count({ where: { applicationId, kind: "requestSupplement" } })) === 0;
}

async function checkSupplementRule(
  prisma: PrismaClient,
  applicationId: string,
  submittedAt: Date,
  now: Date,
) {
  const earlier = await prisma.caseEvent.count({ where: { applicationId, kind: "requestSupplement" } });
  if (earlier > 0) throw new FormError("supplementOnce");
  // past the window the application counts as accepted: staff accept it instead
  if (workingDaysBetween(chinaDay(submittedAt), chinaDay(now)) > supplementWindowWorkingDays)
    throw new FormError("supplementTooLate");
}

/**
 * Applies one transition of the case lifecycle. Checks, in order: the actor may see the case
 * (else not found, audited), the transition is open from the current status, its required
 * content is there, and nobody changed the case meanwhile. The status change, its timeline
 * event and the audit entry commit together.
 */
export async function applyTransition(
  prisma: PrismaClient,
  input: TTransitionInput,
): Promise<{ status: string; version: number }> {
  const { actor, transition: name } = input;
  const rule = caseTransitions[name];
  const now = input.now ?? new Date();
  const found = await prisma.application.findUnique({
    where: { trackingNumber: input.trackingNumber },
    include: {
      service: {
        select: { promisedDays: true, statutoryDays: true, department: { select: { code: true } } },
      },
    },
  });
  const allowed =
    !!found &&
    (rule.by === "applicant"
      ? found.applicantId === actor.id
      : mayWorkCases(actor, found.service.department.code));
  if (!found || !allowed) {
    await writeAudit(prisma, {
      actorId: actor.id,
      action: `case.${name}`,
      entityType: "Application",
      entityId: input.trackingNumber,
      outcome: "DENIED",
    });
    throw new NotFoundError("case");
  }
  if (found.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!rule.from.includes(found.status)) throw new FormError("transitionNotAllowed");
  const reason = input.reason?.trim() || null;
  if (rule.needsReason && !reason) throw new FormError("reasonRequired", "reason");
  const missing = (input.missing ?? []).map((item) => item.trim()).filter(Boolean);
  if (rule.needsMissingList && missing.length === 0) throw new FormError("missingListRequired", "missing");
  if (name === "requestSupplement") await checkSupplementRule(prisma, found.id, found.submittedAt, now);
  const deemed =
    (name === "accept" || name === "reject") &&
    (await deemedAccepted(prisma, found.id, found.submittedAt, now));
  // 逾期不告知补正的，自收到申请材料之日起即为受理: no 不予受理 then, and the clock runs from submission
  if (name === "reject" && deemed) throw new FormError("deemedAccepted");

  const data: Prisma.ApplicationUpdateManyMutationInput = { status: rule.to, version: { increment: 1 } };
  if (name === "accept") {
    const acceptedAt = deemed ? found.submittedAt : now;
    const promised = addWorkingDays(chinaDay(acceptedAt), found.service.promisedDays);
    const statutory = addWorkingDays(chinaDay(acceptedAt), found.service.statutoryDays);
    Object.assign(data, {
      acceptedAt,
      promisedDue: asDate(promised.due),
      statutoryDue: asDate(statutory.due),
      dueProvisional: promised.provisional || statutory.provisional,
      calendarVersion: promised.calendarVersion,
    });
  }
  if (name === "approve" || name === "deny") data.decidedAt = now;
  if (name === "complete") data.completedAt = now;

  const result = await prisma.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({
      where: { id: found.id, version: input.expectedVersion, status: found.status },
      data,
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    if (rule.needsResultFile) {
      const linked = await tx.attachment.updateMany({
        where: { id: input.resultAttachmentId ?? "", uploaderId: actor.id, applicationId: null },
        data: { applicationId: found.id, purpose: "result" },
      });
      if (linked.count !== 1) throw new FormError("resultFileRequired", "resultFile");
    }
    if (input.newUploadIds?.length) {
      const linked = await tx.attachment.updateMany({
        where: { id: { in: input.newUploadIds }, uploaderId: actor.id, applicationId: null },
        data: { applicationId: found.id, purpose: "supplement" },
      });
      if (linked.count !== new Set(input.newUploadIds).size) throw new FormError("fileRequired", "files");
    }
    await tx.caseEvent.create({
      data: {
        applicationId: found.id,
        actorId: actor.id,
        kind: name,
        fromStatus: found.status,
        toStatus: rule.to,
        reason,
        data: missing.length ? { missing } : undefined,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `case.${name}`,
      entityType: "Application",
      entityId: found.trackingNumber,
      detail: { from: found.status, to: rule.to },
    });
    return { status: rule.to, version: found.version + 1 };
  });
  // the applicant hears of every change staff make (their own actions they already see)
  if (rule.by === "staff")
    await notifyApplicant({ trackingNumber: found.trackingNumber, kind: name, reason, missing, db: prisma });
  return result;
}
