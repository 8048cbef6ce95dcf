import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { calendarVersion, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError } from "../shared/errors";
import { applyStep, prepareStep, type TStepInput, type TStepKind } from "../workflow/applyStep";
import type { TStepRule } from "../workflow/workflow";
import { computeClock, extensionRefusal, supplementRefusal, type TClock, type TClockEvent } from "./clock";
import { isValidOutcome } from "./outcomes";
import { pendingExtension, requestWorkflow, type TRequestStep } from "./requestWorkflow";

/** Working days the applicant has to send a corrected application before it counts as abandoned (a local setting). */
const correctionPeriodWorkingDays = 15;

export type TRequestStepInput = TStepInput<TRequestStep> & {
  trackingNumber: string;
  reason?: string;
  missing?: string[];
  days?: number;
  outcome?: string;
  outcomeSub?: string | null;
  legalBasis?: string;
  replyText?: string;
  /** reply: files the officer uploaded to deliver with the reply */
  replyFileIds?: string[];
};

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

const loadRequest = (prisma: PrismaClient, trackingNumber: string) =>
  prisma.disclosureRequest.findUnique({
    where: { trackingNumber },
    include: {
      department: { select: { code: true, shortName: true } },
      events: { orderBy: { createdAt: "asc" } },
    },
  });

type TRequest = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;
type TRequestPlan = {
  data: Prisma.DisclosureRequestUpdateManyMutationInput;
  reason: string | null;
  /** what the event row keeps: the clock event it adds, the 补正 list, the extension's days */
  eventData: Record<string, unknown>;
  clock: TClock;
};

/** The 依申请公开 workflow on the engine: the statutory clock and the reply letter as hooks. */
const requestSteps: TStepKind<
  TRequestStep,
  TRequest,
  TStepRule<TRequest, "officer" | "supervisor" | "applicant">,
  TRequestStepInput,
  TRequestPlan
> = {
  workflow: requestWorkflow,
  action: "disclosure",
  entityType: "DisclosureRequest",
  key: (input) => input.trackingNumber,
  load: loadRequest,
  async plan({ step, entity, input, now }) {
    const day = chinaDay(now);
    const clockEvents = entity.events
      .map((e) => (e.data as { clock?: TClockEvent } | null)?.clock)
      .filter((e): e is TClockEvent => !!e);
    const reason = input.reason?.trim() || null;
    const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
    let clock: TClockEvent | null = null;
    const data: Prisma.DisclosureRequestUpdateManyMutationInput = {};
    const eventData: Record<string, unknown> = {};

    switch (step) {
      case "confirmReceipt":
        clock = { type: "received", day };
        data.receivedOn = asDate(day);
        break;
      case "requestSupplement": {
        if (!missing.length) throw new FormError("missingListRequired", "missing");
        const refusal = supplementRefusal(clockEvents, day);
        if (refusal) throw new FormError(refusal);
        clock = { type: "supplementRequested", day };
        eventData.missing = missing;
        break;
      }
      case "correct":
        if (!reason) throw new FormError("required", "reason");
        clock = { type: "corrected", day };
        break;
      case "abandon": {
        const asked = [...clockEvents].reverse().find((e) => e.type === "supplementRequested");
        if (!asked || workingDaysBetween(asked.day, day) <= correctionPeriodWorkingDays)
          throw new FormError("correctionPeriodRunning");
        Object.assign(data, { outcome: "OTHER", outcomeSub: "NO_CORRECTION", repliedAt: now });
        break;
      }
      case "pause":
        if (!reason) throw new FormError("reasonRequired", "reason");
        clock = { type: "paused", day };
        break;
      case "resume":
        clock = { type: "resumed", day };
        break;
      case "requestExtension":
      case "approveExtension": {
        const days = step === "requestExtension" ? (input.days ?? 0) : pendingExtension(entity.events);
        if (step === "requestExtension" && !reason) throw new FormError("reasonRequired", "reason");
        const refusal = extensionRefusal(clockEvents, day, days);
        if (refusal) throw new FormError(refusal, "days");
        eventData.days = days;
        if (step === "approveExtension") clock = { type: "extended", day, days };
        break;
      }
      case "reply": {
        if (!input.outcome || !isValidOutcome(input.outcome, input.outcomeSub))
          throw new FormError("outcomeInvalid", "outcome");
        if (!input.legalBasis?.trim()) throw new FormError("required", "legalBasis");
        if (!input.replyText?.trim()) throw new FormError("required", "replyText");
        Object.assign(data, {
          outcome: input.outcome,
          outcomeSub: input.outcomeSub ?? null,
          legalBasis: input.legalBasis.trim(),
          replyText: input.replyText.trim(),
          repliedAt: now,
        });
        break;
      }
      case "withdraw":
        data.repliedAt = now;
        break;
    }

    // every step recomputes the deadlines from the events, the new one included
    const computed = computeClock(clock ? [...clockEvents, clock] : clockEvents, day);
    Object.assign(data, {
      dueOn: asDate(computed.firstDue),
      extendedDueOn: computed.extensionDays ? asDate(computed.due) : null,
      dueProvisional: computed.provisional,
      calendarVersion,
    });
    if (clock) eventData.clock = clock;
    return { data, reason, eventData, clock: computed };
  },
  // a reply takes the next letter number of its unit, in the same transaction as the reply
  update: async (tx, update, { step, entity, now }) =>
    tx.disclosureRequest.updateMany(
      step === "reply"
        ? {
            ...update,
            data: { ...update.data, letterNumber: await nextLetterNumber(tx, entity.department, now) },
          }
        : update,
    ),
  async record(tx, { actor, step, entity, input, to, plan }) {
    if (step === "reply" && input.replyFileIds?.length) {
      const linked = await tx.attachment.updateMany({
        where: { id: { in: input.replyFileIds }, uploaderId: actor.id, applicationId: null, requestId: null },
        data: { requestId: entity.id, purpose: "reply" },
      });
      if (linked.count !== new Set(input.replyFileIds).size)
        throw new FormError("fileRequired", "replyFiles");
    }
    await tx.disclosureEvent.create({
      data: {
        requestId: entity.id,
        actorId: actor.id,
        kind: step,
        fromStatus: entity.status,
        toStatus: to,
        reason: plan.reason,
        data: plan.eventData as Prisma.InputJsonValue,
      },
    });
  },
  // the audit log follows the administration's handling; the applicant's own steps are on the request's timeline
  audited: (rule) => rule.by !== "applicant",
};

/**
 * Takes one step of a 依申请公开 request (requestWorkflow): an officer or supervisor of the
 * department or the applicant, the table, the statutory rules of the clock, and nobody having
 * changed the request meanwhile; the status, the recomputed deadlines, the event and the audit
 * entry commit together.
 */
export async function applyRequestStep(input: TRequestStepInput) {
  const { status, version, plan } = await applyStep(requestSteps, input);
  return { status, version, due: plan.clock.due, firstDue: plan.clock.firstDue };
}

/** Every check applyRequestStep makes, without taking the step (before a confirmation page). */
export async function checkRequestStep(input: TRequestStepInput): Promise<void> {
  await prepareStep(requestSteps, input);
}

/** A reply letter number: {unit}依申请公开〔year〕{n}号, one serial per unit and year. */
async function nextLetterNumber(
  tx: Prisma.TransactionClient,
  unit: { code: string; shortName: string },
  now: Date,
): Promise<string> {
  const year = chinaDay(now).slice(0, 4);
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${`LT-${unit.code}`}, ${year}, 1)
    ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + 1
    RETURNING "value"`;
  return `${unit.shortName}依申请公开〔${year}〕${Number(rows[0].value)}号`;
}
