import { CaseStatus, type ServiceType } from "../db/generated/enums";
import { hasRole, mayWorkCases } from "../auth/policy";
import type { TStepRule, TWorkflow } from "../workflow/workflow";
import { byParty, isApplicant, stepNames, supplementRequest, withdrawal } from "../workflow/workflow";

/** Every status of a case, in the order of its lifecycle (the schema's enum). */
export const caseStatuses = Object.values(CaseStatus);
export type TCaseStatus = CaseStatus;

/**
 * What the table reads of a case: its status, its applicant and its department; the service's
 * type and the timeline's kinds where a step's rule needs them (the 行政许可 extension).
 */
export type TCaseSubject = {
  status: TCaseStatus;
  applicantId: string;
  service: { department: { code: string }; type?: ServiceType };
  events?: readonly { kind: string }[];
};

/** How many working days a 行政许可 decision may be extended by, once (《行政许可法》第四十二条). */
export const licenceExtensionDays = 10;

/**
 * Whether an extension may be asked for: 行政许可 only (the law that allows it), once per case,
 * one request waiting at a time.
 */
function extensionRefusal(subject: TCaseSubject): string | null {
  if (subject.service.type !== "LICENSING") return "extensionLicensingOnly";
  const kinds = (subject.events ?? []).map((event) => event.kind);
  if (kinds.includes("approveExtension")) return "extensionOnce";
  return kinds.includes("requestExtension") ? "extensionPending" : null;
}

/** The extension request waiting for the supervisor's approval, if one is. */
export function extensionRequested(subject: Pick<TCaseSubject, "events">): boolean {
  const kinds = (subject.events ?? []).map((event) => event.kind);
  return kinds.includes("requestExtension") && !kinds.includes("approveExtension");
}

export type TCaseRule = TStepRule<TCaseSubject, "staff" | "supervisor" | "applicant"> & {
  to: TCaseStatus | null;
  /**
   * the result document is issued (办结): a file the caseworker uploads, or else the portal's own
   * document generated from the case (lib/cases/resultDocument.ts), verifiable at /verify
   */
  issuesResult?: boolean;
};

/**
 * The case lifecycle (行政许可法) as data: every step, who may take it, and what it must carry.
 * applyCaseStep takes them; pages offer what allowedSteps(caseWorkflow, …) returns.
 *
 * 申报 → 预审 → 受理 / 不予受理 / 补齐补正 → 审查 → 决定 (准予 / 不予) → 办结 → 送达,
 * and 撤回 by the applicant before the decision.
 */
const caseSteps = {
  startPreReview: { from: ["SUBMITTED"], to: "PRE_REVIEW", by: "staff" },
  requestSupplement: supplementRequest(["SUBMITTED", "PRE_REVIEW"], "staff"),
  supplyMaterials: { from: ["SUPPLEMENT"], to: "PRE_REVIEW", by: "applicant" },
  accept: { from: ["SUBMITTED", "PRE_REVIEW"], to: "ACCEPTED", by: "staff" },
  reject: {
    from: ["SUBMITTED", "PRE_REVIEW"],
    to: "REJECTED",
    by: "staff",
    needsReason: true,
    irreversible: true,
  },
  startReview: { from: ["ACCEPTED"], to: "REVIEWING", by: "staff" },
  // 二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日 (行政许可法 Art. 42): the
  // caseworker asks with the reason, the department's supervisor approves, the applicant is told
  requestExtension: {
    from: ["ACCEPTED", "REVIEWING"],
    to: null,
    by: "staff",
    needsReason: true,
    refusal: extensionRefusal,
  },
  approveExtension: {
    from: ["ACCEPTED", "REVIEWING"],
    to: null,
    by: "supervisor",
    refusal: (subject) => (extensionRequested(subject) ? null : "noExtensionRequested"),
  },
  approve: { from: ["REVIEWING"], to: "APPROVED", by: "staff" },
  deny: { from: ["REVIEWING"], to: "DENIED", by: "staff", needsReason: true, irreversible: true },
  complete: { from: ["APPROVED", "DENIED"], to: "COMPLETED", by: "staff", issuesResult: true },
  deliver: { from: ["COMPLETED"], to: "DELIVERED", by: "staff" },
  withdraw: withdrawal(["SUBMITTED", "PRE_REVIEW", "SUPPLEMENT", "ACCEPTED", "REVIEWING"]),
} satisfies Record<string, TCaseRule>;
export type TCaseStep = keyof typeof caseSteps;

export const caseWorkflow: TWorkflow<TCaseStep, TCaseSubject, TCaseRule> = {
  steps: caseSteps,
  // staff of the case's department (caseworkers, supervisors), or the applicant themself
  actsAs: byParty({
    staff: (actor, subject) => mayWorkCases(actor, subject.service.department.code),
    supervisor: (actor, subject) => hasRole(actor, "SUPERVISOR", subject.service.department.code),
    applicant: isApplicant,
  }),
  // one way forward from each status a caseworker acts in; 补正 and refusals are the other steps
  primary: {
    SUBMITTED: "startPreReview",
    PRE_REVIEW: "accept",
    ACCEPTED: "startReview",
    REVIEWING: "approve",
    APPROVED: "complete",
    DENIED: "complete",
    COMPLETED: "deliver",
  },
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
