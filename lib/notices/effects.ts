import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { contentChanged } from "../cache/contentChanged";
import { refreshSearchEntry } from "../search/index";

/**
 * Called after a notice is published, archived or expires: whatever shows public notices
 * outside the notice tables catches up here — its search entry, and this instance's cached pages.
 */
export async function noticeVisibilityChanged(prisma: PrismaClient, noticeId: string): Promise<void> {
  // the pages are dropped after the search entry is written (a page rendered between the two would
  // keep the old results), and even when that fails: a retried job finds the notice already
  // published and would not come back here
  try {
    await refreshSearchEntry(prisma, { type: "notice", id: noticeId });
  } finally {
    contentChanged();
  }
}
