import { z } from "zod";
import { noticeCategories } from "../notices/categories";

/**
 * Which notices need 三审三校 (初审, 复审, 终审 by a supervisor) instead of two-person review:
 * "department code:category" pairs, one a line ("*" for every department, or for a notice of none),
 * e.g. "MZJ:emergency" or "*:safety". Empty: two-person review everywhere.
 */
const pairPattern = /^(\*|[A-Z]{2,10}):([a-z]+)$/;

export const ZNoticeReviewForm = z.object({
  threeLevels: z
    .string()
    .max(2000, "tooLongMax|2000")
    .transform((text) => [...new Set(text.split(/[\s,，]+/).filter(Boolean))].sort())
    .refine(
      (pairs) =>
        pairs.every((pair) => {
          const match = pairPattern.exec(pair);
          return !!match && (noticeCategories as readonly string[]).includes(match[2]);
        }),
      "reviewPairFormat",
    ),
});
export type TNoticeReview = { threeLevels: string[] };
export const ZNoticeReview = z.object({ threeLevels: z.array(z.string().regex(pairPattern)) });
export const defaultNoticeReview: TNoticeReview = { threeLevels: [] };

/** Whether a notice of this department (null: none) and category needs 三审三校. */
export function requiresThreeLevels(
  setting: TNoticeReview,
  department: string | null,
  category: string,
): boolean {
  return [`${department ?? "*"}:${category}`, `*:${category}`].some((pair) =>
    setting.threeLevels.includes(pair),
  );
}
