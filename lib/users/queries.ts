import "server-only";
import { db } from "../db/client";

export const accountCasesPageSize = 20;

/**
 * The signed-in citizen's own profile with a page of their cases (newest first) and their
 * requests (ownership in the where clause).
 */
export async function getAccountOverview(userId: string, { casesPage = 1 }: { casesPage?: number } = {}) {
  const prisma = await db();
  const caseCount = await prisma.application.count({ where: { applicantId: userId } });
  const casePages = Math.max(1, Math.ceil(caseCount / accountCasesPageSize));
  const page = Math.min(Math.max(1, casesPage), casePages);
  const [user, applications, requests] = await Promise.all([
    prisma.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, accountType: true, createdAt: true },
    }),
    prisma.application.findMany({
      where: { applicantId: userId },
      orderBy: [{ submittedAt: "desc" }, { trackingNumber: "desc" }],
      skip: (page - 1) * accountCasesPageSize,
      take: accountCasesPageSize,
      select: {
        trackingNumber: true,
        status: true,
        submittedAt: true,
        promisedDue: true,
        service: { select: { name: true, nameEn: true } },
      },
    }),
    prisma.disclosureRequest.findMany({
      where: { applicantId: userId },
      orderBy: { createdAt: "desc" },
      select: { trackingNumber: true, status: true, createdAt: true, dueOn: true },
    }),
  ]);
  return user ? { user, applications, requests, cases: { page, pages: casePages, total: caseCount } } : null;
}
