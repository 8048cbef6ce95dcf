// No "server-only" marker: the search index (used by tsx scripts too) shares this rule. It lives
// here, apart from lib/notices, so the index can read it without depending on the notice domain
// (which itself tells the index when a notice changes).
import type { Prisma } from "../db/generated/client";

/** A notice residents may see listed at `now`: published and within its validity period. */
export function currentNoticeWhere(now: Date): Prisma.NoticeWhereInput {
  return {
    status: "PUBLISHED",
    publishedAt: { lte: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}
