import "server-only";
import { caseHeadlineSelect } from "./caseHeadline";
import { clientOf, type TDbOption } from "../db/client";
import { lookUpByAccessCode } from "../throttle/accessCodes";

/**
 * A case found by 办件编号 and 查询码, with its public timeline only (no internal notes).
 * A wrong code finds nothing, exactly like a wrong number; guesses are limited and audited
 * (lookUpByAccessCode), and over the limit this throws TooManyRequestsError.
 */
export async function trackCase(input: { trackingNumber: string; accessCode: string } & TDbOption) {
  const prisma = await clientOf(input);
  return lookUpByAccessCode({ ...input, db: prisma, entityType: "Application" }, () =>
    prisma.application.findFirst({
      where: { trackingNumber: input.trackingNumber, accessCode: input.accessCode },
      select: {
        ...caseHeadlineSelect,
        service: { select: { code: true, name: true, nameEn: true, promisedDays: true } },
        events: {
          where: { internal: false },
          orderBy: { createdAt: "asc" },
          select: { id: true, kind: true, toStatus: true, reason: true, data: true, createdAt: true },
        },
      },
    }),
  );
}
