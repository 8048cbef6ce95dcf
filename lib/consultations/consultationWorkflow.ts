import type { ConsultationStatus } from "../db/generated/enums";
import type { TSessionUser } from "../auth/types";
import { isStaff } from "../auth/policy";
import { byParty, type TStepRule, type TWorkflow } from "../workflow/workflow";

/** What the table reads of a consultation. */
export type TConsultationSubject = { status: ConsultationStatus };

export type TConsultationRule = TStepRule<TConsultationSubject, "editor"> & { to: ConsultationStatus };

/** Editors (and administrators) run consultations, as they run notices: one desk for the public page. */
export function isConsultationEditor(actor: TSessionUser | null | undefined): boolean {
  return isStaff(actor) && actor.grants.some((g) => g.role === "EDITOR" || g.role === "ADMIN");
}

/**
 * The consultation workflow as data: a draft is opened for comment (its period checked against the
 * kind's minimum), closed once its last day has passed, and its feedback (采纳情况) published after
 * that. The time checks read the clock, so applyConsultationStep makes them in its plan.
 */
const consultationSteps = {
  open: { from: ["DRAFT"], to: "OPEN", by: "editor" },
  close: { from: ["OPEN"], to: "CLOSED", by: "editor" },
  publishFeedback: { from: ["CLOSED"], to: "FEEDBACK_PUBLISHED", by: "editor" },
} satisfies Record<string, TConsultationRule>;
export type TConsultationStep = keyof typeof consultationSteps;

export const consultationWorkflow: TWorkflow<TConsultationStep, TConsultationSubject, TConsultationRule> = {
  steps: consultationSteps,
  actsAs: byParty({ editor: isConsultationEditor }),
  primary: { DRAFT: "open", OPEN: "close", CLOSED: "publishFeedback" },
};

/** The text and the period change only while a draft. */
export function mayEditConsultation(actor: TSessionUser, consultation: TConsultationSubject): boolean {
  return isConsultationEditor(actor) && consultation.status === "DRAFT";
}
