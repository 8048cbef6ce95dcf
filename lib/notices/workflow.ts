/**
 * The notice workflow as data (issue 5): draft → submitted → approved by a *different* editor or
 * a supervisor (or sent back with a comment) → published at its scheduled time → archived.
 * An emergency (防汛应急) may be published by a supervisor alone, recorded as such.
 */
export const noticeStatuses = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "ARCHIVED"] as const;
export type TNoticeStatus = (typeof noticeStatuses)[number];

export type TNoticeStep = "submit" | "approve" | "sendBack" | "publish" | "publishEmergency" | "archive";

type TRule = {
  from: readonly TNoticeStatus[];
  to: TNoticeStatus;
  by: "editor" | "reviewer" | "supervisor" | "system";
};

export const noticeSteps: Record<TNoticeStep, TRule> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", by: "editor" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", by: "reviewer" },
  sendBack: { from: ["SUBMITTED", "APPROVED"], to: "DRAFT", by: "reviewer" },
  /** at the scheduled time, by the job runner */
  publish: { from: ["APPROVED"], to: "PUBLISHED", by: "system" },
  publishEmergency: { from: ["DRAFT", "SUBMITTED"], to: "PUBLISHED", by: "supervisor" },
  archive: { from: ["PUBLISHED"], to: "ARCHIVED", by: "editor" },
};

/** The second-person rule: the author of the last revision may not approve it. */
export function mayReview(actorId: string, authorId: string | null, lastEditorId: string | null): boolean {
  return actorId !== authorId && actorId !== lastEditorId;
}

const revisionKinds = [
  "create",
  "edit",
  "submit",
  "approve",
  "sendBack",
  "publish",
  "publishEmergency",
  "archive",
] as const;
export type TRevisionKind = (typeof revisionKinds)[number];

/**
 * A revision's `comment` holds the step that made it, or, for a send-back, the reviewer's
 * words: which kind of revision it is, and the words if any.
 */
export function revisionKind(comment: string | null): { kind: TRevisionKind; note: string | null } {
  if (comment && (revisionKinds as readonly string[]).includes(comment))
    return { kind: comment as TRevisionKind, note: null };
  return { kind: "sendBack", note: comment };
}
