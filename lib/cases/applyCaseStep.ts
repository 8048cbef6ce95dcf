import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { addWorkingDays, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { getCalendarOverrides } from "../settings/queries";
import { FormError } from "../shared/errors";
import { notifyApplicant } from "../notifications/notifyApplicant";
import { stepEngine, type TStepInput, type TStepKind } from "../workflow/applyStep";
import { issueResultDocument } from "./resultDocument";
import {
  caseWorkflow,
  licenceExtensionDays,
  type TCaseRule,
  type TCaseStatus,
  type TCaseStep,
} from "./caseWorkflow";
import { supplementDue } from "./supplementRequest";
import { caseDeadlines } from "./deadlines";

export type TCaseStepInput = TStepInput<TCaseStep> & {
  trackingNumber: string;
  /** 办结: the result document, an attachment the actor uploaded (without one the portal issues its own) */
  resultAttachmentId?: string;
  /** 补正 answered: the applicant's new uploads */
  newUploadIds?: string[];
  /** 补正 answered: which uploads answer which item of the list */
  supplied?: { item: string; uploadIds: string[] }[];
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** 补正 is asked for once, listing everything, within 5 working days of submission (行政许可法 Art. 32). */
const supplementWindowWorkingDays = 5;

const supplementsAsked = (prisma: PrismaClient, applicationId: string) =>
  prisma.caseEvent.count({ where: { applicationId, kind: "requestSupplement" } });

const pastSupplementWindow = (submittedAt: Date, now: Date) =>
  workingDaysBetween(chinaDay(submittedAt), chinaDay(now)) > supplementWindowWorkingDays;

/** Past the 补正 window without a 补正 request, the application counts as accepted on submission. */
async function deemedAccepted(prisma: PrismaClient, applicationId: string, submittedAt: Date, now: Date) {
  return pastSupplementWindow(submittedAt, now) && (await supplementsAsked(prisma, applicationId)) === 0;
}

const loadCase = (prisma: PrismaClient, trackingNumber: string) =>
  prisma.application.findUnique({
    where: { trackingNumber },
    include: {
      service: {
        select: {
          promisedDays: true,
          statutoryDays: true,
          statutoryDayCount: true,
          type: true,
          department: { select: { code: true } },
        },
      },
      // the kinds on the timeline: the extension's rules read them
      events: { select: { kind: true } },
    },
  });

type TCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;
type TCasePlan = {
  data: Prisma.ApplicationUpdateManyMutationInput;
  reason: string | null;
  missing: string[];
  /** what the timeline event records besides the reason: the 补正 list and its deadline, or the answer */
  eventData?: Prisma.InputJsonObject;
};

/** The case lifecycle on the workflow engine: the statutory rules of 补正, 受理 and 办结 as hooks. */
const caseSteps: TStepKind<TCase, TCaseRule, TCaseStepInput, TCasePlan> = {
  workflow: caseWorkflow,
  audit: { action: "case", entityType: "Application" },
  key: (input) => input.trackingNumber,
  load: loadCase,
  async plan({ prisma, step, entity, input, reason, missing, now }) {
    const data: Prisma.ApplicationUpdateManyMutationInput = {};
    let eventData: Prisma.InputJsonObject | undefined;
    switch (step) {
      case "requestSupplement":
        if ((await supplementsAsked(prisma, entity.id)) > 0) throw new FormError("supplementOnce");
        // past the window the application counts as accepted: staff accept it instead
        if (pastSupplementWindow(entity.submittedAt, now)) throw new FormError("supplementTooLate");
        // the list and the day it is due, stated once on the 补正 notice
        eventData = { missing, due: supplementDue(now) };
        break;
      case "accept": {
        const deemed = await deemedAccepted(prisma, entity.id, entity.submittedAt, now);
        // 逾期不告知补正的，自收到申请材料之日起即为受理: the clock runs from submission
        const acceptedAt = deemed ? entity.submittedAt : now;
        // the administrator's calendar override counts too (local holidays, a year entered early)
        const calendar = await getCalendarOverrides({ db: prisma });
        const { promised, statutory, provisional } = caseDeadlines(
          chinaDay(acceptedAt),
          entity.service,
          calendar,
        );
        Object.assign(data, {
          acceptedAt,
          promisedDue: asDate(promised.due),
          statutoryDue: statutory ? asDate(statutory.due) : null,
          dueProvisional: provisional,
          calendarVersion: promised.calendarVersion,
        });
        break;
      }
      case "reject":
        // a deemed-accepted application cannot be refused acceptance any more
        if (await deemedAccepted(prisma, entity.id, entity.submittedAt, now))
          throw new FormError("deemedAccepted");
        break;
      case "approve":
      case "deny":
        data.decidedAt = now;
        break;
      case "complete":
        data.completedAt = now;
        break;
      case "supplyMaterials":
        if (input.supplied?.length) eventData = { supplied: input.supplied };
        break;
      case "requestExtension":
        eventData = { days: licenceExtensionDays };
        break;
      case "approveExtension": {
        // both dates move on by the extension, counted in working days from where they stood
        const calendar = await getCalendarOverrides({ db: prisma });
        const moved = (due: Date | null) =>
          due ? addWorkingDays(due.toISOString().slice(0, 10), licenceExtensionDays, calendar) : null;
        const promised = moved(entity.promisedDue);
        const statutory = moved(entity.statutoryDue);
        if (!promised) throw new FormError("transitionNotAllowed");
        Object.assign(data, {
          promisedDue: asDate(promised.due),
          statutoryDue: statutory ? asDate(statutory.due) : null,
          dueProvisional: entity.dueProvisional || promised.provisional || (statutory?.provisional ?? false),
        });
        eventData = {
          days: licenceExtensionDays,
          promisedDue: promised.due,
          statutoryDue: statutory?.due ?? null,
        };
        break;
      }
      case "startPreReview":
      case "startReview":
      case "deliver":
      case "withdraw":
        break;
    }
    if (!eventData && missing.length) eventData = { missing };
    return { data, reason, missing, eventData };
  },
  update: (tx, update) => tx.application.updateMany(update),
  async record(tx, { actor, step, rule, entity, input, plan, now }) {
    if (rule.issuesResult && input.resultAttachmentId) {
      const linked = await tx.attachment.updateMany({
        where: { id: input.resultAttachmentId, uploaderId: actor.id, applicationId: null },
        data: { applicationId: entity.id, purpose: "result" },
      });
      if (linked.count !== 1) throw new FormError("resultFileRequired", "resultFile");
    } else if (rule.issuesResult) {
      // 办结 is reached only from 准予 or 不予 (the table), so the decision is the status left
      const decision = entity.status === "DENIED" ? "DENIED" : "APPROVED";
      await issueResultDocument(tx, { applicationId: entity.id, decision, now });
    }
    if (input.newUploadIds?.length) {
      const linked = await tx.attachment.updateMany({
        where: { id: { in: input.newUploadIds }, uploaderId: actor.id, applicationId: null },
        data: { applicationId: entity.id, purpose: "supplement" },
      });
      if (linked.count !== new Set(input.newUploadIds).size) throw new FormError("fileRequired", "files");
    }
    await tx.caseEvent.create({
      data: {
        applicationId: entity.id,
        actorId: actor.id,
        kind: step,
        fromStatus: entity.status,
        toStatus: rule.to,
        reason: plan.reason,
        data: plan.eventData,
        // the request is between the caseworker and the supervisor; the applicant hears of the approval
        internal: step === "requestExtension",
      },
    });
  },
  // the applicant hears of every change staff make (their own actions they already see)
  async afterCommit({ prisma, step, rule, entity, plan }) {
    if (rule.by === "applicant" || step === "requestExtension") return;
    const due =
      step === "approveExtension" ? (plan.eventData as { promisedDue?: string } | undefined) : undefined;
    await notifyApplicant({
      trackingNumber: entity.trackingNumber,
      kind: step,
      reason: plan.reason,
      missing: plan.missing,
      due: due?.promisedDue ?? null,
      db: prisma,
    });
  },
};

/**
 * Takes one step of a case's lifecycle (caseWorkflow): staff of the case's department or its
 * applicant, the table, the step's content (reason, 补正 list, result file), the 补正 window
 * and "deemed accepted", and nobody having changed the case meanwhile. The status, its timeline
 * event and the audit entry commit together; the applicant is told of staff steps after.
 */
export async function applyCaseStep(
  input: TCaseStepInput,
): Promise<{ status: TCaseStatus; version: number }> {
  const { status, version } = await stepEngine(caseSteps).apply(input);
  return { status, version };
}

/**
 * Every check applyCaseStep makes, without taking the step: what a confirmation page asks before
 * it asks the caseworker to confirm an irreversible step (a refusal throws as the step would).
 */
export async function checkCaseStep(input: TCaseStepInput): Promise<void> {
  await stepEngine(caseSteps).prepare(input);
}
