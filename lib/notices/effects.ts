import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { contentChanged } from "../cache/contentChanged";
import { refreshSearchEntry } from "../search/index";

/**
 * Called after a notice is published, archived or expires: whatever shows public notices
 * outside the notice tables catches up here — its search entry, and this instance's cached pages.
 */
export async function noticeVisibilityChanged(prisma: PrismaClient, noticeId: string): Promise<void> {
  await refreshSearchEntry(prisma, { type: "notice", id: noticeId });
  contentChanged();
}
