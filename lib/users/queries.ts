import "server-only";
import { db } from "../db/client";

/** The signed-in citizen's own profile with their cases and requests (ownership in the where clause). */
export async function getAccountOverview(userId: string) {
  const prisma = await db();
  const [user, applications, requests] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { name: true, email: true, accountType: true, createdAt: true } }),
    prisma.application.findMany({
      where: { applicantId: userId },
      orderBy: { submittedAt: "desc" },
      select: { trackingNumber: true, status: true, submittedAt: true, promisedDue: true, service: { select: { name: true, nameEn: true } } },
    }),
    prisma.disclosureRequest.findMany({
      where: { applicantId: userId },
      orderBy: { createdAt: "desc" },
      select: { trackingNumber: true, status: true, createdAt: true, dueOn: true },
    }),
  ]);
  return user ? { user, applications, requests } : null;
}
