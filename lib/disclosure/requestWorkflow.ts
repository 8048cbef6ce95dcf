import type { DisclosureStatus } from "../db/generated/enums";
import { hasRole } from "../auth/policy";
import type { TStepRule, TWorkflow } from "../workflow/workflow";
import { byParty, isApplicant, stepNames, supplementRequest, withdrawal } from "../workflow/workflow";

export type TRequestStatus = DisclosureStatus;

/** What the table reads of a request: its status, applicant, department and events (oldest first). */
export type TRequestSubject = {
  status: TRequestStatus;
  applicantId: string | null;
  department: { code: string };
  events: { kind: string; data: unknown }[];
};

export type TRequestRule = TStepRule<TRequestSubject, "officer" | "supervisor" | "applicant">;

/** Days of an extension requested and not yet approved (0 when none is pending). */
export function pendingExtension(events: TRequestSubject["events"]): number {
  const requested = [...events]
    .reverse()
    .find((e) => e.kind === "requestExtension" || e.kind === "approveExtension");
  return requested?.kind === "requestExtension" ? Number((requested.data as { days?: number }).days ?? 0) : 0;
}

/**
 * The periods the applicant has now, from the latest 补正 and fee notice events: the day the
 * 补正 period ends (Art. 30) and the day payment is due (国办函〔2020〕109号: 20 working days).
 */
export function applicantPeriods(events: TRequestSubject["events"]): {
  correctionDue: string | null;
  feeDue: string | null;
  feeAmount: number | null;
} {
  const last = (kind: string) =>
    [...events].reverse().find((e) => e.kind === kind)?.data as Record<string, unknown> | undefined;
  const supplement = last("requestSupplement");
  const fee = last("issueFeeNotice");
  return {
    correctionDue: typeof supplement?.correctionDue === "string" ? supplement.correctionDue : null,
    feeDue: typeof fee?.feeDue === "string" ? fee.feeDue : null,
    feeAmount: typeof fee?.amount === "number" ? fee.amount : null,
  };
}

/**
 * The steps a page offers on `today`: the table's, less 逾期不补正 before the 补正 period has
 * ended and 逾期未缴费 before the payment deadline has passed (the step refuses them too).
 */
export function offeredOn<TStep extends TRequestStep>(
  steps: TStep[],
  request: Pick<TRequestSubject, "events">,
  today: string,
): TStep[] {
  const periods = applicantPeriods(request.events);
  return steps.filter((step) =>
    step === "abandon"
      ? !!periods.correctionDue && today > periods.correctionDue
      : step === "feeUnpaid"
        ? !!periods.feeDue && today > periods.feeDue
        : true,
  );
}

/**
 * The 依申请公开 workflow as data: who may take each step and from which status (`to: null`
 * keeps the status: the step only records an event). The clock (clock.ts) is fed by the events
 * these steps record; applyRequestStep takes them.
 */
const requestSteps = {
  confirmReceipt: { from: ["SUBMITTED"], to: "RECEIVED", by: "officer" },
  requestSupplement: supplementRequest(["RECEIVED", "PROCESSING"], "officer"),
  correct: { from: ["SUPPLEMENT"], to: "PROCESSING", by: "applicant" },
  abandon: { from: ["SUPPLEMENT"], to: "ABANDONED", by: "officer", irreversible: true },
  startProcessing: { from: ["RECEIVED"], to: "PROCESSING", by: "officer" },
  pause: { from: ["RECEIVED", "PROCESSING"], to: "PAUSED", by: "officer", needsReason: true },
  resume: { from: ["PAUSED"], to: "PROCESSING", by: "officer" },
  // an officer asks, a supervisor approves: one request waits at a time
  requestExtension: {
    from: ["RECEIVED", "PROCESSING", "PAUSED"],
    to: null,
    by: "officer",
    needsReason: true,
    refusal: (request) => (pendingExtension(request.events) ? "extensionPending" : null),
  },
  approveExtension: {
    from: ["RECEIVED", "PROCESSING", "PAUSED"],
    to: null,
    by: "supervisor",
    refusal: (request) => (pendingExtension(request.events) ? null : "noExtensionRequested"),
  },
  // 信息处理费 (国办函〔2020〕109号): a notice with the amount and a payment deadline; the clock
  // waits from the notice to the payment; unpaid after the deadline = 逾期未缴费
  issueFeeNotice: {
    from: ["RECEIVED", "PROCESSING"],
    to: "FEE_PENDING",
    by: "officer",
    refusal: (request) => (request.events.some((e) => e.kind === "issueFeeNotice") ? "feeNoticeOnce" : null),
  },
  recordPayment: { from: ["FEE_PENDING"], to: "PROCESSING", by: "officer" },
  feeUnpaid: { from: ["FEE_PENDING"], to: "ABANDONED", by: "officer", irreversible: true },
  reply: { from: ["RECEIVED", "PROCESSING"], to: "REPLIED", by: "officer" },
  withdraw: withdrawal(["SUBMITTED", "RECEIVED", "SUPPLEMENT", "PROCESSING", "PAUSED", "FEE_PENDING"]),
} satisfies Record<string, TRequestRule>;
export type TRequestStep = keyof typeof requestSteps;

export const requestWorkflow: TWorkflow<TRequestStep, TRequestSubject, TRequestRule> = {
  steps: requestSteps,
  // officers and supervisors of the request's department, or the applicant of a request filed
  // while signed in
  actsAs: byParty({
    officer: (actor, request) => hasRole(actor, "DISCLOSURE_OFFICER", request.department.code),
    supervisor: (actor, request) => hasRole(actor, "SUPERVISOR", request.department.code),
    applicant: isApplicant,
  }),
  // the way forward from each status an officer acts in
  primary: {
    SUBMITTED: "confirmReceipt",
    RECEIVED: "startProcessing",
    PROCESSING: "reply",
    PAUSED: "resume",
  },
};

export const requestStepNames = stepNames(requestWorkflow);
