import { NoticeStatus } from "../db/generated/enums";
import type { TSessionUser } from "../auth/types";
import { hasRole, isStaff } from "../auth/policy";
import { byParty, stepNames, type TStepRule, type TWorkflow } from "../workflow/workflow";

export const noticeStatuses = Object.values(NoticeStatus);
export type TNoticeStatus = NoticeStatus;

/** What the table reads of a notice: its status, who wrote and last changed it, its department. */
export type TNoticeSubject = {
  status: TNoticeStatus;
  emergency: boolean;
  /** everyone who wrote any of its text (noticeWriters) */
  writerIds: string[];
  department: { code: string } | null;
  /** 三审三校 required for its department and category (the administrators' setting) */
  threeLevels?: boolean;
  /** the 初审 and 复审 given since it was last submitted (reviewsOfRound) */
  reviews?: readonly TReview[];
};

/** One level of a 三审三校 review: who passed it. */
export type TReview = { kind: "firstReview" | "secondReview"; actorId: string };

/**
 * The 初审 and 复审 of the current round, from the revisions in version order: a submission
 * starts a round afresh (a send-back and resubmission needs every level again).
 */
export function reviewsOfRound(revisions: readonly { editorId: string | null; comment: string | null }[]) {
  let reviews: TReview[] = [];
  for (const revision of revisions) {
    const { kind } = revisionKind(revision.comment);
    if (kind === "submit") reviews = [];
    if ((kind === "firstReview" || kind === "secondReview") && revision.editorId)
      reviews.push({ kind, actorId: revision.editorId });
  }
  return reviews;
}

/**
 * 三审三校: 初审 by an editor who wrote none of it, 复审 by yet another person, 终审 (the approval)
 * by a supervisor of the department who took neither earlier level. Without it, two-person review.
 */
function reviewRefusal(
  step: "firstReview" | "secondReview" | "approve",
  notice: TNoticeSubject,
  actor: TSessionUser,
) {
  if (!mayReview(actor.id, notice.writerIds)) return "secondPersonRequired";
  const reviews = notice.reviews ?? [];
  const done = (kind: TReview["kind"]) => reviews.find((review) => review.kind === kind);
  if (!notice.threeLevels) return step === "approve" ? null : "reviewLevelsTwo";
  if (reviews.some((review) => review.actorId === actor.id)) return "secondPersonRequired";
  switch (step) {
    case "firstReview":
      return done("firstReview") ? "alreadyReviewed" : null;
    case "secondReview":
      return !done("firstReview") ? "firstReviewFirst" : done("secondReview") ? "alreadyReviewed" : null;
    case "approve":
      if (!done("secondReview")) return "reviewsPending";
      return isNoticeSupervisor(actor, notice) ? null : "finalBySupervisor";
  }
}

export type TNoticeRule = TStepRule<TNoticeSubject, "editor" | "reviewer" | "supervisor" | "system"> & {
  to: TNoticeStatus | null;
};

/** Editors write notices; every editor grant covers all communities. */
export function isNoticeEditor(actor: TSessionUser | null): boolean {
  return isStaff(actor) && actor.grants.some((g) => g.role === "EDITOR" || g.role === "ADMIN");
}

/** A supervisor of the notice's department, or of any when the notice belongs to none. */
function isNoticeSupervisor(actor: TSessionUser, notice: TNoticeSubject): boolean {
  return notice.department
    ? hasRole(actor, "SUPERVISOR", notice.department.code)
    : actor.grants.some((g) => g.role === "SUPERVISOR" || g.role === "ADMIN");
}

/**
 * The second-person rule: whoever approves a notice wrote none of its text. Steps (submit, a
 * send-back's comment) leave revisions too, but only its creation and edits wrote the text.
 */
export function mayReview(actorId: string, writerIds: readonly string[]): boolean {
  return !writerIds.includes(actorId);
}

/** Everyone who wrote a notice's text: its author and the editor of every edit. */
export function noticeWriters(
  authorId: string | null,
  revisions: readonly { editorId: string | null; comment: string | null }[],
): string[] {
  const writers = revisions
    .filter((revision) => ["create", "edit"].includes(revisionKind(revision.comment).kind))
    .map((revision) => revision.editorId);
  return [...new Set([authorId, ...writers].filter((id): id is string => !!id))];
}

/**
 * The notice workflow as data: draft → submitted → approved by a *different* editor or a
 * supervisor (or sent back with a comment) → published at its scheduled time → archived.
 * An emergency (防汛应急) may be published by a supervisor alone, recorded as such.
 * applyNoticeStep takes the steps; the staff notice page offers what openSteps returns.
 */
const noticeSteps = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", by: "editor" },
  // 三审三校 where the administrators require it: 初审 and 复审 record a revision, the status stays
  firstReview: {
    from: ["SUBMITTED"],
    to: null,
    by: "reviewer",
    refusal: (notice, actor) => reviewRefusal("firstReview", notice, actor),
  },
  secondReview: {
    from: ["SUBMITTED"],
    to: null,
    by: "reviewer",
    refusal: (notice, actor) => reviewRefusal("secondReview", notice, actor),
  },
  approve: {
    from: ["SUBMITTED"],
    to: "APPROVED",
    by: "reviewer",
    refusal: (notice, actor) => reviewRefusal("approve", notice, actor),
  },
  // 退回 and 归档 are confirmed on a second page before they are taken
  sendBack: { from: ["SUBMITTED", "APPROVED"], to: "DRAFT", by: "reviewer", irreversible: true },
  /** at the scheduled time, by the job runner (publishNotice) */
  publish: { from: ["APPROVED"], to: "PUBLISHED", by: "system" },
  publishEmergency: {
    from: ["DRAFT", "SUBMITTED"],
    to: "PUBLISHED",
    by: "supervisor",
    refusal: (notice) => (notice.emergency ? null : "notEmergency"),
  },
  archive: { from: ["PUBLISHED"], to: "ARCHIVED", by: "editor", irreversible: true },
} satisfies Record<string, TNoticeRule>;
export type TNoticeStep = keyof typeof noticeSteps;

export const noticeWorkflow: TWorkflow<TNoticeStep, TNoticeSubject, TNoticeRule> = {
  steps: noticeSteps,
  actsAs: byParty({
    editor: isNoticeEditor,
    reviewer: (actor, notice) => isNoticeEditor(actor) || isNoticeSupervisor(actor, notice),
    supervisor: isNoticeSupervisor,
    system: () => false,
  }),
};

const noticeStepNames = stepNames(noticeWorkflow);

/** Only a draft changes (a submitted notice is sent back first), and only by an editor. */
export function mayEditNotice(actor: TSessionUser, notice: { status: TNoticeStatus }): boolean {
  return isNoticeEditor(actor) && notice.status === "DRAFT";
}

export type TRevisionKind = "create" | "edit" | TNoticeStep;
const revisionKinds: readonly string[] = ["create", "edit", ...noticeStepNames];

/**
 * A revision's `comment` holds the step that made it, or, for a send-back, the reviewer's
 * words: which kind of revision it is, and the words if any.
 */
export function revisionKind(comment: string | null): { kind: TRevisionKind; note: string | null } {
  if (comment && revisionKinds.includes(comment)) return { kind: comment as TRevisionKind, note: null };
  return { kind: "sendBack", note: comment };
}
