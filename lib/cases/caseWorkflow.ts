import { mayWorkCases } from "../auth/policy";
import { stepNames, type TStepRule, type TWorkflow } from "../workflow/workflow";

/**
 * The case lifecycle (行政许可法) as data: every step, who may take it, and what it must carry.
 * applyCaseStep takes them; pages offer what allowedSteps(caseWorkflow, …) returns.
 *
 * 申报 → 预审 → 受理 / 不予受理 / 补齐补正 → 审查 → 决定 (准予 / 不予) → 办结 → 送达,
 * and 撤回 by the applicant before the decision.
 */
export const caseStatuses = [
  "SUBMITTED",
  "PRE_REVIEW",
  "SUPPLEMENT",
  "ACCEPTED",
  "REJECTED",
  "REVIEWING",
  "APPROVED",
  "DENIED",
  "COMPLETED",
  "DELIVERED",
  "WITHDRAWN",
] as const;
export type TCaseStatus = (typeof caseStatuses)[number];

export type TCaseStep =
  | "startPreReview"
  | "requestSupplement"
  | "supplyMaterials"
  | "accept"
  | "reject"
  | "startReview"
  | "approve"
  | "deny"
  | "complete"
  | "deliver"
  | "withdraw";

/** What the table reads of a case: its status, its applicant and its department. */
export type TCaseSubject = {
  status: TCaseStatus;
  applicantId: string;
  service: { department: { code: string } };
};

export type TCaseRule = TStepRule<TCaseSubject, "staff" | "applicant"> & {
  to: TCaseStatus;
  /** a reason must be given (shown to the applicant) */
  needsReason: boolean;
  /** a list of missing material (补正) must be given */
  needsMissingList?: boolean;
  /** a result document must be attached (办结) */
  needsResultFile?: boolean;
};

export const caseWorkflow: TWorkflow<TCaseStep, TCaseSubject, TCaseRule> = {
  steps: {
    startPreReview: { from: ["SUBMITTED"], to: "PRE_REVIEW", by: "staff", needsReason: false },
    requestSupplement: {
      from: ["SUBMITTED", "PRE_REVIEW"],
      to: "SUPPLEMENT",
      by: "staff",
      needsReason: false,
      needsMissingList: true,
    },
    supplyMaterials: { from: ["SUPPLEMENT"], to: "PRE_REVIEW", by: "applicant", needsReason: false },
    accept: { from: ["SUBMITTED", "PRE_REVIEW"], to: "ACCEPTED", by: "staff", needsReason: false },
    reject: { from: ["SUBMITTED", "PRE_REVIEW"], to: "REJECTED", by: "staff", needsReason: true },
    startReview: { from: ["ACCEPTED"], to: "REVIEWING", by: "staff", needsReason: false },
    approve: { from: ["REVIEWING"], to: "APPROVED", by: "staff", needsReason: false },
    deny: { from: ["REVIEWING"], to: "DENIED", by: "staff", needsReason: true },
    complete: {
      from: ["APPROVED", "DENIED"],
      to: "COMPLETED",
      by: "staff",
      needsReason: false,
      needsResultFile: true,
    },
    deliver: { from: ["COMPLETED"], to: "DELIVERED", by: "staff", needsReason: false },
    withdraw: {
      from: ["SUBMITTED", "PRE_REVIEW", "SUPPLEMENT", "ACCEPTED", "REVIEWING"],
      to: "WITHDRAWN",
      by: "applicant",
      needsReason: false,
    },
  },
  // staff of the case's department (caseworkers, supervisors), or the applicant themself
  actsAs: (actor, by, subject) =>
    by === "applicant"
      ? subject.applicantId === actor.id
      : mayWorkCases(actor, subject.service.department.code),
};

export const caseStepNames = stepNames(caseWorkflow);

/** Finished cases take no more steps; the applicant may rate a case once it is 办结. */
export function isFinal(status: TCaseStatus): boolean {
  switch (status) {
    case "REJECTED":
    case "DELIVERED":
    case "WITHDRAWN":
      return true;
    case "SUBMITTED":
    case "PRE_REVIEW":
    case "SUPPLEMENT":
    case "ACCEPTED":
    case "REVIEWING":
    case "APPROVED":
    case "DENIED":
    case "COMPLETED":
      return false;
  }
}
