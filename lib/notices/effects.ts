import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { contentChanged } from "../cache/contentChanged";

/**
 * Called after a notice is published, archived or expires: whatever shows public notices
 * outside the notice tables (the search index) catches up here.
 */
export async function noticeVisibilityChanged(prisma: PrismaClient, noticeId: string): Promise<void> {
  void prisma;
  void noticeId;
  contentChanged();
}
