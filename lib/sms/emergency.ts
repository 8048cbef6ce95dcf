import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { queueSmsBatch } from "./sendSms";

/** Residents texted per transaction: a mail-out to a whole district commits in steps, never in one long lock. */
export const emergencyBatchSize = 200;

/**
 * Texts a published 防汛应急 (emergency category) or urgent notice to the residents of its
 * communities who chose SMS for emergency notices and have a confirmed number: one SMS per
 * resident, in batches of transactions. Each SMS is keyed by notice and person, so a re-run of the
 * mail-out (a retried job) never texts anyone twice. A notice for all communities (no targets)
 * reaches every resident who chose it. Returns how many SMS were newly queued.
 */
export async function queueEmergencySms(
  prisma: PrismaClient,
  notice: {
    id: string;
    title: string;
    category: string;
    urgent: boolean;
    emergency: boolean;
    communityIds: string[];
  },
): Promise<number> {
  if (!(notice.category === "emergency" || notice.urgent || notice.emergency)) return 0;
  const residents = await prisma.user.findMany({
    where: {
      mobile: { not: null },
      closedAt: null,
      disabled: false,
      notifyChoices: { some: { kind: "emergency", sms: true } },
      ...(notice.communityIds.length
        ? { communities: { some: { communityId: { in: notice.communityIds } } } }
        : { communities: { some: {} } }),
    },
    select: {
      id: true,
      mobile: true,
      communities: { select: { community: { select: { id: true, name: true } } } },
    },
    orderBy: { id: "asc" },
  });
  let queued = 0;
  for (let start = 0; start < residents.length; start += emergencyBatchSize) {
    const batch = residents.slice(start, start + emergencyBatchSize).map((resident) => {
      const community =
        resident.communities.find((c) => notice.communityIds.includes(c.community.id)) ??
        resident.communities[0];
      return {
        to: resident.mobile!,
        template: "emergencyNotice" as const,
        params: { community: community.community.name, title: notice.title },
        userId: resident.id,
        key: `emergency:${notice.id}:${resident.id}`,
      };
    });
    queued += await prisma.$transaction((tx) => queueSmsBatch(tx, batch));
  }
  return queued;
}
