import "server-only";
import { db } from "../db/client";
import { currentNoticeWhere } from "../notices/queries";

/**
 * A first, plain search over public services, documents and notices (substring match on
 * titles and key fields). The ranked, Chinese-aware search replaces it in the search issue.
 */
export async function searchAll(q: string, limit = 20) {
  const prisma = await db();
  const contains = { contains: q, mode: "insensitive" as const };
  const [services, documents, notices] = await Promise.all([
    prisma.service.findMany({
      where: { published: true, OR: [{ name: contains }, { nameEn: contains }, { summary: contains }] },
      take: limit,
      select: { code: true, name: true, nameEn: true, summary: true },
    }),
    prisma.disclosureDocument.findMany({
      where: { status: "PUBLISHED", OR: [{ title: contains }, { titleEn: contains }, { keywords: contains }, { docNumber: contains }] },
      orderBy: { publishedAt: "desc" },
      take: limit,
      select: { indexNo: true, title: true, titleEn: true, summary: true },
    }),
    prisma.notice.findMany({
      where: { AND: [currentNoticeWhere(new Date()), { OR: [{ title: contains }, { titleEn: contains }, { body: contains }] }] },
      orderBy: { publishedAt: "desc" },
      take: limit,
      select: { id: true, title: true, titleEn: true },
    }),
  ]);
  return { services, documents, notices };
}
