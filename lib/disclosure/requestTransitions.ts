/**
 * The 依申请公开 workflow as data: who may take each step and from which status. The clock
 * (clock.ts) is fed by the events these steps record.
 */
export const requestStatuses = [
  "SUBMITTED",
  "RECEIVED",
  "SUPPLEMENT",
  "PROCESSING",
  "PAUSED",
  "REPLIED",
  "ABANDONED",
  "WITHDRAWN",
] as const;
export type TRequestStatus = (typeof requestStatuses)[number];

export type TRequestStep =
  | "confirmReceipt"
  | "requestSupplement"
  | "correct"
  | "abandon"
  | "startProcessing"
  | "pause"
  | "resume"
  | "requestExtension"
  | "approveExtension"
  | "reply"
  | "withdraw";

type TRule = {
  from: readonly TRequestStatus[];
  to: TRequestStatus | null;
  by: "officer" | "supervisor" | "applicant";
};

/** `to: null` keeps the status (the step only records an event). */
export const requestSteps: Record<TRequestStep, TRule> = {
  confirmReceipt: { from: ["SUBMITTED"], to: "RECEIVED", by: "officer" },
  requestSupplement: { from: ["RECEIVED", "PROCESSING"], to: "SUPPLEMENT", by: "officer" },
  correct: { from: ["SUPPLEMENT"], to: "PROCESSING", by: "applicant" },
  abandon: { from: ["SUPPLEMENT"], to: "ABANDONED", by: "officer" },
  startProcessing: { from: ["RECEIVED"], to: "PROCESSING", by: "officer" },
  pause: { from: ["RECEIVED", "PROCESSING"], to: "PAUSED", by: "officer" },
  resume: { from: ["PAUSED"], to: "PROCESSING", by: "officer" },
  requestExtension: { from: ["RECEIVED", "PROCESSING", "PAUSED"], to: null, by: "officer" },
  approveExtension: { from: ["RECEIVED", "PROCESSING", "PAUSED"], to: null, by: "supervisor" },
  reply: { from: ["RECEIVED", "PROCESSING"], to: "REPLIED", by: "officer" },
  withdraw: {
    from: ["SUBMITTED", "RECEIVED", "SUPPLEMENT", "PROCESSING", "PAUSED"],
    to: "WITHDRAWN",
    by: "applicant",
  },
};

export const requestStepNames = Object.keys(requestSteps) as TRequestStep[];

export function isFinishedRequest(status: TRequestStatus): boolean {
  return status === "REPLIED" || status === "ABANDONED" || status === "WITHDRAWN";
}
