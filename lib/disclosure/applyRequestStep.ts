import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { hasRole } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { calendarVersion, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError, NotFoundError } from "../shared/errors";
import { computeClock, extensionRefusal, supplementRefusal, type TClockEvent } from "./clock";
import { isValidOutcome } from "./outcomes";
import { requestSteps, type TRequestStep } from "./requestTransitions";

/** Working days the applicant has to send a corrected application before it counts as abandoned (a local setting). */
export const correctionPeriodWorkingDays = 15;

export type TRequestStepInput = {
  actor: TSessionUser;
  trackingNumber: string;
  step: TRequestStep;
  expectedVersion: number;
  reason?: string;
  missing?: string[];
  days?: number;
  outcome?: string;
  outcomeSub?: string | null;
  legalBasis?: string;
  replyText?: string;
  /** reply: files the officer uploaded to deliver with the reply */
  replyFileIds?: string[];
  now?: Date;
};

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/**
 * Applies one step of a 依申请公开 request: scope (officer or supervisor of the department, or
 * the applicant), the table, the statutory rules of the clock, and optimistic locking; then the
 * status, the recomputed deadlines, the event and the audit entry commit together.
 */
export async function applyRequestStep(prisma: PrismaClient, input: TRequestStepInput) {
  const rule = requestSteps[input.step];
  const now = input.now ?? new Date();
  const day = chinaDay(now);
  const found = await prisma.disclosureRequest.findUnique({
    where: { trackingNumber: input.trackingNumber },
    include: {
      department: { select: { code: true, shortName: true } },
      events: { orderBy: { createdAt: "asc" } },
    },
  });
  const role = rule.by === "officer" ? "DISCLOSURE_OFFICER" : "SUPERVISOR";
  const allowed =
    !!found &&
    (rule.by === "applicant"
      ? !!found.applicantId && found.applicantId === input.actor.id
      : hasRole(input.actor, role, found.department.code));
  if (!found || !allowed) {
    await writeAudit(prisma, {
      actorId: input.actor.id,
      action: `disclosure.${input.step}`,
      entityType: "DisclosureRequest",
      entityId: input.trackingNumber,
      outcome: "DENIED",
    });
    throw new NotFoundError("request");
  }
  if (found.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!rule.from.includes(found.status)) throw new FormError("transitionNotAllowed");

  const clockEvents = found.events
    .map((e) => (e.data as { clock?: TClockEvent } | null)?.clock)
    .filter((e): e is TClockEvent => !!e);
  const reason = input.reason?.trim() || null;
  const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
  let clock: TClockEvent | null = null;
  const data: Prisma.DisclosureRequestUpdateManyMutationInput = {};
  const eventData: Record<string, unknown> = {};

  switch (input.step) {
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
      const days = input.step === "requestExtension" ? (input.days ?? 0) : pendingExtension(found.events);
      if (input.step === "approveExtension" && !days) throw new FormError("noExtensionRequested");
      if (input.step === "requestExtension" && !reason) throw new FormError("reasonRequired", "reason");
      const refusal = extensionRefusal(clockEvents, day, days);
      if (refusal) throw new FormError(refusal, "days");
      eventData.days = days;
      if (input.step === "approveExtension") clock = { type: "extended", day, days };
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

  const events = clock ? [...clockEvents, clock] : clockEvents;
  const computed = computeClock(events, day);
  Object.assign(data, {
    status: rule.to ?? found.status,
    version: { increment: 1 },
    dueOn: asDate(computed.firstDue),
    extendedDueOn: computed.extensionDays ? asDate(computed.due) : null,
    dueProvisional: computed.provisional,
    calendarVersion,
  });

  return prisma.$transaction(async (tx) => {
    if (input.step === "reply")
      data.letterNumber = await nextLetterNumber(tx, found.department.code, found.department.shortName, day);
    const updated = await tx.disclosureRequest.updateMany({
      where: { id: found.id, version: input.expectedVersion, status: found.status },
      data,
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    if (input.step === "reply" && input.replyFileIds?.length) {
      const linked = await tx.attachment.updateMany({
        where: {
          id: { in: input.replyFileIds },
          uploaderId: input.actor.id,
          applicationId: null,
          requestId: null,
        },
        data: { requestId: found.id, purpose: "reply" },
      });
      if (linked.count !== new Set(input.replyFileIds).size)
        throw new FormError("fileRequired", "replyFiles");
    }
    await tx.disclosureEvent.create({
      data: {
        requestId: found.id,
        actorId: input.actor.id,
        kind: input.step,
        fromStatus: found.status,
        toStatus: rule.to ?? found.status,
        reason,
        data: { ...eventData, ...(clock ? { clock } : {}) } as Prisma.InputJsonValue,
      },
    });
    if (rule.by !== "applicant") {
      await writeAudit(tx, {
        actorId: input.actor.id,
        action: `disclosure.${input.step}`,
        entityType: "DisclosureRequest",
        entityId: found.trackingNumber,
        detail: { from: found.status, to: rule.to ?? found.status },
      });
    }
    return {
      status: rule.to ?? found.status,
      version: found.version + 1,
      due: computed.due,
      firstDue: computed.firstDue,
    };
  });
}

/** Days of an extension requested and not yet approved (0 when none is pending). */
export function pendingExtension(events: { kind: string; data: unknown }[]): number {
  const requested = [...events]
    .reverse()
    .find((e) => e.kind === "requestExtension" || e.kind === "approveExtension");
  return requested?.kind === "requestExtension" ? Number((requested.data as { days?: number }).days ?? 0) : 0;
}

/** A reply letter number: {unit}依申请公开〔year〕{n}号, one serial per unit and year. */
async function nextLetterNumber(
  tx: Prisma.TransactionClient,
  unit: string,
  shortName: string,
  day: string,
): Promise<string> {
  const year = day.slice(0, 4);
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${`LT-${unit}`}, ${year}, 1)
    ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + 1
    RETURNING "value"`;
  return `${shortName}依申请公开〔${year}〕${Number(rows[0].value)}号`;
}
