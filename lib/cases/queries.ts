import "server-only";
import { db } from "../db/client";

/**
 * A case found by 办件编号 and 查询码, with its public timeline only (no internal notes).
 * A wrong code finds nothing, exactly like a wrong number.
 */
export async function trackCase(trackingNumber: string, accessCode: string) {
  const found = await (await db()).application.findFirst({
    where: { trackingNumber, accessCode },
    select: {
      trackingNumber: true, status: true, submittedAt: true, promisedDue: true, dueProvisional: true,
      service: { select: { code: true, name: true, nameEn: true } },
      events: { where: { internal: false }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, toStatus: true, createdAt: true } },
    },
  });
  return found;
}
