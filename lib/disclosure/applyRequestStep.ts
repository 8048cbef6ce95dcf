import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { addWorkingDays, calendarVersionOf, chinaDay } from "../calendar/workdays";
import { getCalendarOverrides, getDisclosureSettings } from "../settings/queries";
import { FormError } from "../shared/errors";
import { contentChanged } from "../cache/contentChanged";
import { stepEngine, type TStepInput, type TStepKind } from "../workflow/applyStep";
import { computeClock, extensionRefusal, supplementRefusal, type TClock, type TClockEvent } from "./clock";
import { isValidOutcome, ownStepOutcomes } from "./outcomes";
import {
  applicantPeriods,
  pendingExtension,
  requestWorkflow,
  type TRequestRule,
  type TRequestStep,
} from "./requestWorkflow";

/** 申请人应当在收到收费通知次日起20个工作日内缴纳费用 (国办函〔2020〕109号). */
const feePaymentWorkingDays = 20;
/** The largest 信息处理费 a notice may state, in yuan: a typing error caught, not a tariff. */
const maxFee = 100_000;

/** How an application reached the office (Art. 31 sets the receipt day by channel). */
export const receiptChannels = ["online", "post", "inPerson"] as const;
export type TReceiptChannel = (typeof receiptChannels)[number];

export type TRequestStepInput = TStepInput<TRequestStep> & {
  trackingNumber: string;
  /** confirmReceipt: how the application came, and for post or in person the day it was received */
  channel?: TReceiptChannel;
  receivedOn?: string;
  /** issueFeeNotice: the 信息处理费 in yuan */
  amount?: number;
  days?: number;
  outcome?: string;
  outcomeSub?: string | null;
  legalBasis?: string;
  replyText?: string;
  /** reply: files the officer uploaded to deliver with the reply */
  replyFileIds?: string[];
};

/**
 * The clock event a step adds on the day it is taken (clock.ts reads them); confirmReceipt's is
 * the day the application was received, and approveExtension's carries its days.
 */
const dayClockEvents: Partial<Record<TRequestStep, Exclude<TClockEvent["type"], "received" | "extended">>> = {
  requestSupplement: "supplementRequested",
  correct: "corrected",
  issueFeeNotice: "feeNotified",
  recordPayment: "feePaid",
  pause: "paused",
  resume: "resumed",
};

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

const loadRequest = (prisma: PrismaClient, trackingNumber: string) =>
  prisma.disclosureRequest.findUnique({
    where: { trackingNumber },
    include: {
      department: { select: { code: true, shortName: true, letterPrefix: true } },
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
const requestSteps: TStepKind<TRequest, TRequestRule, TRequestStepInput, TRequestPlan> = {
  workflow: requestWorkflow,
  audit: { action: "disclosure", entityType: "DisclosureRequest" },
  key: (input) => input.trackingNumber,
  load: loadRequest,
  async plan({ prisma, step, entity, input, reason, missing, now }) {
    const day = chinaDay(now);
    const calendar = await getCalendarOverrides({ db: prisma });
    const clockEvents = entity.events
      .map((e) => (e.data as { clock?: TClockEvent } | null)?.clock)
      .filter((e): e is TClockEvent => !!e);
    const dayEvent = dayClockEvents[step];
    let clock: TClockEvent | null = dayEvent ? { type: dayEvent, day } : null;
    const data: Prisma.DisclosureRequestUpdateManyMutationInput = {};
    const eventData: Record<string, unknown> = {};
    // 逾期不补正 and 逾期未缴费: only once the applicant's period (`due`) has ended; the request closes
    // as 其他处理 with that reason
    const closeLapsed = (due: string | null, running: string, outcomeSub: "NO_CORRECTION" | "FEE_UNPAID") => {
      if (!due || day <= due) throw new FormError(running);
      Object.assign(data, { outcome: "OTHER", outcomeSub, repliedAt: now });
    };

    switch (step) {
      case "confirmReceipt": {
        const received = receiptDay(input, chinaDay(entity.createdAt), day);
        clock = { type: "received", day: received };
        Object.assign(data, { receivedOn: asDate(received), channel: input.channel ?? "online" });
        eventData.channel = input.channel ?? "online";
        break;
      }
      case "requestSupplement": {
        const refusal = supplementRefusal(clockEvents, day, calendar);
        if (refusal) throw new FormError(refusal);
        // the notice states its period and the day it ends (the applicant sees both)
        const { correctionPeriodWorkingDays } = await getDisclosureSettings({ db: prisma });
        Object.assign(eventData, {
          missing,
          correctionDays: correctionPeriodWorkingDays,
          correctionDue: addWorkingDays(day, correctionPeriodWorkingDays, calendar).due,
        });
        break;
      }
      case "correct":
        if (!reason) throw new FormError("required", "reason");
        break;
      case "abandon":
        // only for a request sent for 补正, and only once the period the notice stated has ended
        closeLapsed(
          applicantPeriods(entity.events).correctionDue,
          "correctionPeriodRunning",
          "NO_CORRECTION",
        );
        break;
      case "issueFeeNotice": {
        const amount = input.amount ?? 0;
        if (!Number.isFinite(amount) || amount <= 0 || amount > maxFee)
          throw new FormError("feeAmountInvalid", "amount");
        if (!reason) throw new FormError("required", "reason");
        Object.assign(eventData, {
          amount,
          feeDue: addWorkingDays(day, feePaymentWorkingDays, calendar).due,
        });
        break;
      }
      case "feeUnpaid":
        closeLapsed(applicantPeriods(entity.events).feeDue, "feePeriodRunning", "FEE_UNPAID");
        break;
      case "pause":
        break;
      case "requestExtension":
      case "approveExtension": {
        const days = step === "requestExtension" ? (input.days ?? 0) : pendingExtension(entity.events);
        const refusal = extensionRefusal(clockEvents, day, days, calendar);
        if (refusal) throw new FormError(refusal, "days");
        eventData.days = days;
        if (step === "approveExtension") clock = { type: "extended", day, days };
        break;
      }
      case "reply": {
        if (!input.outcome || !isValidOutcome(input.outcome, input.outcomeSub))
          throw new FormError("outcomeInvalid", "outcome");
        if (input.outcomeSub && ownStepOutcomes.includes(input.outcomeSub))
          throw new FormError("outcomeOwnStep", "outcome");
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
    const computed = computeClock(clock ? [...clockEvents, clock] : clockEvents, day, calendar);
    Object.assign(data, {
      dueOn: asDate(computed.firstDue),
      extendedDueOn: computed.extensionDays ? asDate(computed.due) : null,
      dueProvisional: computed.provisional,
      calendarVersion: calendarVersionOf(calendar),
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
  // the annual report's page counts requests as they are received and answered, before it is published
  afterCommit: async () => {
    contentChanged();
  },
};

/**
 * Takes one step of a 依申请公开 request (requestWorkflow): an officer or supervisor of the
 * department or the applicant, the table, the statutory rules of the clock, and nobody having
 * changed the request meanwhile; the status, the recomputed deadlines, the event and the audit
 * entry commit together.
 */
export async function applyRequestStep(input: TRequestStepInput) {
  const { status, version, plan } = await stepEngine(requestSteps).apply(input);
  return { status, version, due: plan.clock.due, firstDue: plan.clock.firstDue };
}

/** Every check applyRequestStep makes, without taking the step (before a confirmation page). */
export async function checkRequestStep(input: TRequestStepInput): Promise<void> {
  await stepEngine(requestSteps).prepare(input);
}

/**
 * The day an application legally reached the office (Art. 31): online, the day it was submitted
 * on the portal (the portal confirms receipt on submission with its 办件编号); by post or in
 * person, the day the officer records (signed for, or handed over), never later than today.
 */
function receiptDay(input: TRequestStepInput, submittedDay: string, today: string): string {
  const channel = input.channel ?? "online";
  if (!receiptChannels.includes(channel)) throw new FormError("choose", "channel");
  if (channel === "online") return submittedDay;
  const day = input.receivedOn?.trim();
  if (!day) throw new FormError("required", "receivedOn");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
    throw new FormError("dateFormat", "receivedOn");
  if (day > today) throw new FormError("receivedInFuture", "receivedOn");
  return day;
}

/**
 * A reply letter number: the department's 发文代字 (e.g. 成人社公开〔2026〕1号) where configured,
 * else {short name}依申请公开〔year〕{n}号; one serial per unit and year.
 */
async function nextLetterNumber(
  tx: Prisma.TransactionClient,
  unit: { code: string; shortName: string; letterPrefix: string | null },
  now: Date,
): Promise<string> {
  const year = chinaDay(now).slice(0, 4);
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${`LT-${unit.code}`}, ${year}, 1)
    ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + 1
    RETURNING "value"`;
  return `${unit.letterPrefix ?? `${unit.shortName}依申请公开`}〔${year}〕${Number(rows[0].value)}号`;
}
