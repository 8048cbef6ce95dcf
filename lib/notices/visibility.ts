// No "server-only" marker: the search index (used by tsx scripts too) shares this rule.
import type { Prisma } from "../db/generated/client";

/** A notice residents may see listed at `now`: published and within its validity period. */
export function currentNoticeWhere(now: Date): Prisma.NoticeWhereInput {
  return {
    status: "PUBLISHED",
    publishedAt: { lte: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}
