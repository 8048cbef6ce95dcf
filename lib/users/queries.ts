import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { listOwnCases } from "../cases/ownCases";
import { identitySelect, identityView } from "../identity/queries";

const accountCasesPageSize = 20;
/**
 * The account page counts the citizen's cases no further than this many pages past the one shown:
 * counting all of an account's 157,000 cases read 270 MB of table for every view of the page
 * (2.4 s; issue 13), and "page 1 of at least 11" is all the pagination needs.
 */
const accountCasesPagesAhead = 10;

/**
 * The signed-in citizen's own profile and identity with a page of their cases (newest first) and
 * their requests (ownership in the where clause).
 */
export async function getAccountOverview(input: { actor: TSessionUser; casesPage?: number } & TDbOption) {
  const prisma = await clientOf(input);
  const userId = input.actor.id;
  const [user, cases, requests] = await Promise.all([
    prisma.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, accountType: true, createdAt: true, ...identitySelect },
    }),
    listOwnCases({
      actor: input.actor,
      page: input.casesPage,
      pageSize: accountCasesPageSize,
      pagesAhead: accountCasesPagesAhead,
      db: prisma,
    }),
    prisma.disclosureRequest.findMany({
      where: { applicantId: userId },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        trackingNumber: true,
        status: true,
        createdAt: true,
        dueOn: true,
        extendedDueOn: true,
        description: true,
        department: { select: { name: true, nameEn: true } },
      },
    }),
  ]);
  if (!user) return null;
  return {
    user: { name: user.name, email: user.email, accountType: user.accountType, createdAt: user.createdAt },
    identity: identityView(user),
    applications: cases.items,
    requests,
    cases: { page: cases.page, pages: cases.pages, total: cases.total, more: cases.more },
  };
}
