import { z } from "zod";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { readSetting, saveSetting } from "../settings/stored";
import { noticeCategories } from "./categories";

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
const ZNoticeReview = z.object({ threeLevels: z.array(z.string().regex(pairPattern)) });
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

/** Which notices need 三审三校 (the administrators' list of department:category pairs). */
export async function getNoticeReview(input: TDbOption = {}): Promise<TNoticeReview> {
  const parsed = ZNoticeReview.safeParse(await readSetting({ ...input, key: "noticeReview" }));
  return parsed.success ? parsed.data : defaultNoticeReview;
}

/** Whether a notice of this department (or none) and category needs 三审三校. */
export async function needsThreeLevels(
  input: { department: string | null; category: string } & TDbOption,
): Promise<boolean> {
  return requiresThreeLevels(await getNoticeReview(input), input.department, input.category);
}

/** Changes which notices need 三审三校 (administrators only; anyone else is refused and audited). */
export async function saveNoticeReview(input: { actor: TSessionUser; review: TNoticeReview } & TDbOption) {
  await saveSetting({ ...input, key: "noticeReview", schema: ZNoticeReview, value: input.review });
}
