import "server-only";
import type { TSessionUser } from "../auth/types";
import { clientOf, type TDbOption } from "../db/client";
import { ownOrRefused } from "../audit/refusals";
import { readPage } from "../shared/paging";

/**
 * One of the citizen's own cases (ownership in the where clause: anyone else's is null → 404, and
 * the refusal is audited). The case page, its receipt and the API read through here.
 */
export async function getOwnCase(input: { actor: TSessionUser; trackingNumber: string } & TDbOption) {
  const prisma = await clientOf(input);
  const found = await prisma.application.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    include: {
      service: {
        select: {
          code: true,
          name: true,
          nameEn: true,
          promisedDays: true,
          statutoryDays: true,
          // the code too: the workflow table reads it to know who acts on the case
          // 复议机关 and court: named in a 不予受理通知书
          department: { select: { code: true, name: true, nameEn: true, reviewBody: true, court: true } },
        },
      },
      events: { where: { internal: false }, orderBy: { createdAt: "asc" } },
      attachments: {
        select: { id: true, fileName: true, size: true, purpose: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      rating: {
        select: { level: true, comment: true, createdAt: true, followUpStatus: true, followUpNotes: true },
      },
      resultDocument: { select: { issuedAt: true } },
    },
  });
  return ownOrRefused(prisma, found, input, {
    table: prisma.application,
    action: "case.read",
    entityType: "Application",
  });
}

/**
 * The citizen's own cases, newest first, a page at a time (ownership in the where clause). With
 * `pagesAhead` the count stops that many pages past the one asked for (`more`: there are more).
 */
export async function listOwnCases(
  input: { actor: TSessionUser; page?: number; pageSize: number; pagesAhead?: number } & TDbOption,
) {
  const prisma = await clientOf(input);
  const where = { applicantId: input.actor.id };
  const { total, page, rows, more } = await readPage({
    size: input.pageSize,
    requested: input.page,
    pagesAhead: input.pagesAhead,
    // a limited count walks the (applicant, submitted) index and stops at the limit: Prisma's
    // count({ take }) orders by id, which sorted all of an account's 157,000 cases first (0.6 s)
    count: async (limit) =>
      limit === undefined
        ? prisma.application.count({ where })
        : (
            await prisma.application.findMany({
              where,
              orderBy: { submittedAt: "desc" },
              take: limit,
              select: { submittedAt: true },
            })
          ).length,
    rows: (window) =>
      prisma.application.findMany({
        where,
        orderBy: [{ submittedAt: "desc" }, { trackingNumber: "desc" }],
        ...window,
        select: {
          trackingNumber: true,
          accessCode: true,
          status: true,
          submittedAt: true,
          promisedDue: true,
          service: { select: { code: true, name: true, nameEn: true } },
        },
      }),
  });
  return { items: rows, page: page.page, pages: page.pages, total, more };
}
