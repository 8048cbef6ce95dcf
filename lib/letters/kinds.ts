import type { LetterKind, LetterRating, LetterStatus } from "../db/generated/enums";

export type TLetterKind = LetterKind;
export type TLetterStatus = LetterStatus;
export type TLetterRating = LetterRating;

/** 咨询, 建议, 投诉, 求助, 举报 — in the order the form offers them. */
export const letterKinds = [
  "CONSULTATION",
  "SUGGESTION",
  "COMPLAINT",
  "HELP",
  "REPORT",
] as const satisfies readonly LetterKind[];

/** 满意, 基本满意, 不满意 */
export const letterRatings = [
  "SATISFIED",
  "FAIRLY_SATISFIED",
  "UNSATISFIED",
] as const satisfies readonly LetterRating[];

/**
 * Working days a department has from accepting a letter to its reply: a question is answered
 * sooner than a complaint or a report, which may need an inquiry (local settings).
 */
export const replyWorkingDays: Record<LetterKind, number> = {
  CONSULTATION: 5,
  SUGGESTION: 10,
  HELP: 10,
  COMPLAINT: 15,
  REPORT: 15,
};

/**
 * A letter may be written without an account only when nobody has to be answered about a
 * person or a wrong done to the writer: a question or a suggestion (a local setting).
 */
export const anonymousKinds: readonly LetterKind[] = ["CONSULTATION", "SUGGESTION"];

export { letterNumberPattern } from "../identifiers/patterns";

/** The mailbox value of the 市长信箱 in forms and addresses (a department is named by its code). */
export const mayorMailbox = "MAYOR";
