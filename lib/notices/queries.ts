import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type TNoticeFilter = { district?: string; street?: string; community?: string; category?: string; page?: number };
export const noticesPageSize = 20;

/** Published and within the validity period at `now`. */
export function currentNoticeWhere(now: Date): Prisma.NoticeWhereInput {
  return {
    status: "PUBLISHED",
    publishedAt: { lte: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

/** Current notices, pinned first, then newest; filtered by place and category. */
export async function listNotices(filter: TNoticeFilter, now = new Date()) {
  const where: Prisma.NoticeWhereInput = { ...currentNoticeWhere(now) };
  const place: Prisma.CommunityWhereInput = {};
  if (filter.community) place.code = filter.community;
  else if (filter.street) place.street = { code: filter.street };
  else if (filter.district) place.street = { district: { code: filter.district } };
  if (Object.keys(place).length) where.targets = { some: { community: place } };
  if (filter.category) where.category = filter.category;
  const prisma = await db();
  const total = await prisma.notice.count({ where });
  const pages = Math.max(1, Math.ceil(total / noticesPageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const [items] = await Promise.all([
    prisma.notice.findMany({
      where,
      orderBy: [{ pinned: "desc" }, { publishedAt: "desc" }],
      skip: (page - 1) * noticesPageSize,
      take: noticesPageSize,
      select: {
        id: true, title: true, titleEn: true, category: true, pinned: true, emergency: true, source: true, publishedAt: true, expiresAt: true,
        targets: { select: { community: { select: { code: true, name: true, nameEn: true } } } },
      },
    }),
  ]);
  return { total, items, page, pages };
}

/** A notice by id, published at some time (expired ones keep their URL), or null. */
export async function getNotice(id: string) {
  return (await db()).notice.findFirst({
    where: { id, status: { in: ["PUBLISHED", "ARCHIVED"] }, publishedAt: { lte: new Date() } },
    include: {
      department: true,
      author: { select: { name: true } },
      targets: { include: { community: { include: { street: { include: { district: true } } } } } },
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true } },
    },
  });
}

export async function latestNotices(limit = 6) {
  return (await db()).notice.findMany({
    where: currentNoticeWhere(new Date()),
    orderBy: [{ pinned: "desc" }, { publishedAt: "desc" }],
    take: limit,
    select: { id: true, title: true, titleEn: true, publishedAt: true, pinned: true, category: true },
  });
}
