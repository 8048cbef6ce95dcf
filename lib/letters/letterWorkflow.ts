import { hasRole, isAdministrator } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { stepNames, type TStepRule, type TWorkflow } from "../workflow/workflow";
import type { TLetterStatus } from "./kinds";

/** What the table reads of a letter: its status, writer, mailbox and what was done with it. */
export type TLetterSubject = {
  status: TLetterStatus;
  writerId: string | null;
  department: { code: string } | null;
  consentToPublish: boolean;
  rating: string | null;
};

type TLetterRule = TStepRule<TLetterSubject, "handler" | "writer">;

/**
 * The letter workflow as data. A mailbox accepts a letter, refuses it with a reason (a matter
 * before a court, one for the 信访 channel) or forwards it once to the department it belongs to
 * (转办), which then accepts or refuses it; an accepted letter is replied to; the writer rates
 * the reply once; a letter whose writer agreed is published as a redacted copy.
 */
const letterSteps = {
  accept: { from: ["SUBMITTED", "FORWARDED"], to: "ACCEPTED", by: "handler" },
  refuse: { from: ["SUBMITTED", "FORWARDED"], to: "REFUSED", by: "handler" },
  forward: { from: ["SUBMITTED"], to: "FORWARDED", by: "handler" },
  reply: { from: ["ACCEPTED"], to: "REPLIED", by: "handler" },
  rate: {
    from: ["REPLIED", "PUBLISHED"],
    to: null,
    by: "writer",
    refusal: (letter) => (letter.rating ? "letterAlreadyRated" : null),
  },
  publish: {
    from: ["REPLIED"],
    to: "PUBLISHED",
    by: "handler",
    refusal: (letter) => (letter.consentToPublish ? null : "letterNoConsent"),
  },
} satisfies Record<string, TLetterRule>;
export type TLetterStep = keyof typeof letterSteps;

/**
 * Who handles a mailbox: a department's caseworkers and supervisors handle its letters; the
 * 市长信箱 is the city's, handled by the portal's administrators (who may act for any department).
 */
export function handlesMailbox(actor: TSessionUser, department: { code: string } | null): boolean {
  if (!department) return isAdministrator(actor);
  return hasRole(actor, "CASEWORKER", department.code) || hasRole(actor, "SUPERVISOR", department.code);
}

export const letterWorkflow: TWorkflow<TLetterStep, TLetterSubject, TLetterRule> = {
  steps: letterSteps,
  actsAs: (actor, by, letter) =>
    by === "writer"
      ? letter.writerId !== null && letter.writerId === actor.id
      : handlesMailbox(actor, letter.department),
};

export const letterStepNames = stepNames(letterWorkflow);
