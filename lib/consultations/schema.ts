import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import { maxCommentLength } from "./rules";
import { wholeNumberField } from "../shared/numberField";

const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat");

/** What an editor writes for a draft; the same schema for a new consultation and an edit. */
export const ZConsultationInput = z.object({
  title: lineField().min(1, "required").max(120, "tooLongMax|120"),
  department: z.string().regex(/^[A-Z]{2,10}$/, "choose"),
  summary: textField().min(1, "required").max(1000, "tooLongMax|1000"),
  body: textField().min(1, "required").max(50_000, "tooLongMax|50000"),
  kind: z.enum(["ORDINARY", "MAJOR"], { message: "choose" }),
  opensOn: ZDay,
  closesOn: ZDay,
});
export type TConsultationInput = z.infer<typeof ZConsultationInput>;

/** A citizen's comment, as the form sends it. */
export const ZCommentInput = z.object({
  consultationId: z.string().min(1).max(40),
  body: textField().min(1, "required").max(maxCommentLength, `tooLongMax|${maxCommentLength}`),
  private: z.enum(["yes", "no"], { message: "choose" }),
});
export type TCommentInput = z.infer<typeof ZCommentInput>;

/** An editor's moderation of one comment: a rejection says why. */
export const ZModeration = z.object({
  commentId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  reason: lineField().max(200, "tooLongMax|200").optional(),
});
export type TModerationInput = z.infer<typeof ZModeration>;

const ZCount = wholeNumberField(0, 100_000);

/** The feedback summary (采纳情况) an editor writes once the period has closed. */
export const ZFeedbackInput = z.object({
  feedback: textField().min(1, "required").max(50_000, "tooLongMax|50000"),
  adoptedCount: ZCount,
  partlyAdoptedCount: ZCount,
  notAdoptedCount: ZCount,
  /** 索引号 of the final document in 政府信息公开, when there is one */
  finalDocument: lineField().max(60, "tooLongMax|60").optional().default(""),
});
export type TFeedbackInput = z.infer<typeof ZFeedbackInput>;
