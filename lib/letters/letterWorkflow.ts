import { handlesMailbox, isStaff, supervisesMailbox } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { byParty, stepNames, type TStepRule, type TWorkflow } from "../workflow/workflow";
import type { TLetterStatus } from "./kinds";

/** What the table reads of a letter: its status, writer, mailbox and what was done with it. */
export type TLetterSubject = {
  status: TLetterStatus;
  writerId: string | null;
  department: { code: string } | null;
  consentToPublish: boolean;
  rating: string | null;
  sentBack: boolean;
  reopened: boolean;
  draftedById: string | null;
  extension: "REQUESTED" | "APPROVED" | "DECLINED" | null;
  extensionRequestedById: string | null;
  /** a 12345 work order (HOTLINE) has no writer on record: the caller rates through the hotline */
  channel?: "WEBSITE" | "HOTLINE";
};

export type TLetterRule = TStepRule<TLetterSubject, "handler" | "supervisor" | "writer">;

/** A supervisor decides what another person asked or drafted: never their own. */
const notOwn = (by: string | null, actor: TSessionUser) =>
  by !== null && by === actor.id ? "secondPersonRequired" : null;

/** Granting or declining more time: a supervisor, on a request that is open and not their own. */
const decideExtension: TLetterRule = {
  from: ["ACCEPTED", "DRAFTED"],
  to: null,
  by: "supervisor",
  refusal: (letter, actor) =>
    letter.extension !== "REQUESTED"
      ? "letterNoExtensionAsked"
      : notOwn(letter.extensionRequestedById, actor),
};

/**
 * The letter workflow as data. A mailbox accepts a letter, refuses it with a reason (a matter
 * before a court, one for the 信访 channel), merges a duplicate into an earlier letter, or
 * forwards it (转办, with a reason) to the department it belongs to, which accepts it, refuses
 * it or sends it back once. An accepted letter gets a drafted reply that a supervisor signs off
 * (or returns) before it is sent; a handler may ask once for more time, which a supervisor
 * grants or declines. The writer rates the reply; 不满意 reopens it once for a supervisor's
 * second reply. A letter whose writer agreed is published as a reviewed, redacted copy.
 */
const letterSteps = {
  accept: { from: ["SUBMITTED", "FORWARDED"], to: "ACCEPTED", by: "handler" },
  refuse: { from: ["SUBMITTED", "FORWARDED"], to: "REFUSED", by: "handler", needsReason: true },
  forward: { from: ["SUBMITTED"], to: "FORWARDED", by: "handler", needsReason: true },
  sendBack: {
    from: ["FORWARDED"],
    to: "SUBMITTED",
    by: "handler",
    needsReason: true,
    refusal: (letter) => (letter.sentBack ? "letterAlreadySentBack" : null),
  },
  merge: { from: ["SUBMITTED", "FORWARDED", "ACCEPTED"], to: "MERGED", by: "handler" },
  requestExtension: {
    from: ["ACCEPTED", "DRAFTED"],
    to: null,
    by: "handler",
    needsReason: true,
    refusal: (letter) => (letter.extension ? "letterExtensionUsed" : null),
  },
  approveExtension: decideExtension,
  declineExtension: { ...decideExtension, needsReason: true },
  draft: { from: ["ACCEPTED"], to: "DRAFTED", by: "handler" },
  signOff: {
    from: ["DRAFTED"],
    to: "SIGNED_OFF",
    by: "supervisor",
    refusal: (letter, actor) => notOwn(letter.draftedById, actor),
  },
  returnDraft: { from: ["DRAFTED"], to: "ACCEPTED", by: "supervisor", needsReason: true },
  send: { from: ["SIGNED_OFF"], to: "REPLIED", by: "handler" },
  rate: {
    from: ["REPLIED", "PUBLISHED"],
    to: null,
    by: "writer",
    refusal: (letter) => (letter.rating ? "letterAlreadyRated" : null),
  },
  reopen: {
    from: ["REPLIED"],
    to: "REOPENED",
    by: "writer",
    refusal: (letter) =>
      letter.rating ? "letterAlreadyRated" : letter.reopened ? "letterAlreadyReopened" : null,
  },
  reanswer: { from: ["REOPENED"], to: "REPLIED", by: "supervisor" },
  publish: {
    from: ["REPLIED"],
    to: "PUBLISHED",
    by: "handler",
    refusal: (letter) => (letter.consentToPublish ? null : "letterNoConsent"),
  },
} satisfies Record<string, TLetterRule>;
export type TLetterStep = keyof typeof letterSteps;

export const letterWorkflow: TWorkflow<TLetterStep, TLetterSubject, TLetterRule> = {
  steps: letterSteps,
  actsAs: byParty({
    handler: (actor, letter) => handlesMailbox(actor, letter.department),
    supervisor: (actor, letter) => supervisesMailbox(actor, letter.department),
    writer: (actor, letter) =>
      letter.writerId !== null
        ? letter.writerId === actor.id
        : // the operator who calls a 12345 caller back records their rating (the city's letters office)
          letter.channel === "HOTLINE" && isStaff(actor) && handlesMailbox(actor, null),
  }),
};

export const letterStepNames = stepNames(letterWorkflow);

/** The statuses in which a reply is owed by the due date. */
export const owingStatuses: readonly TLetterStatus[] = ["ACCEPTED", "DRAFTED", "SIGNED_OFF", "REOPENED"];
