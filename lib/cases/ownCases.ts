import "server-only";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";

/** One of the citizen's own cases (ownership in the where clause: anyone else's is null → 404). */
export async function getOwnCase(prisma: PrismaClient, actor: TSessionUser, trackingNumber: string) {
  return prisma.application.findFirst({
    where: { trackingNumber, applicantId: actor.id },
    include: {
      service: {
        select: {
          code: true,
          name: true,
          nameEn: true,
          promisedDays: true,
          statutoryDays: true,
          // the code too: the workflow table reads it to know who acts on the case
          department: { select: { code: true, name: true, nameEn: true } },
        },
      },
      events: { where: { internal: false }, orderBy: { createdAt: "asc" } },
      attachments: {
        select: { id: true, fileName: true, size: true, purpose: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      rating: { select: { level: true, comment: true, createdAt: true } },
    },
  });
}
