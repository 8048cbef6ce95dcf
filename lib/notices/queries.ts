import "server-only";
import { publicReadClientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { currentNoticeWhere } from "../shared/noticeVisibility";
import { pageOf } from "../shared/paging";

export type TNoticeFilter = {
  district?: string;
  street?: string;
  community?: string;
  category?: string;
  page?: number;
};
const noticesPageSize = 20;

const listSelect = {
  id: true,
  title: true,
  titleEn: true,
  category: true,
  pinned: true,
  emergency: true,
  urgent: true,
  source: true,
  publishedAt: true,
  expiresAt: true,
  targets: { select: { community: { select: { code: true, name: true, nameEn: true } } } },
} satisfies Prisma.NoticeSelect;
/**
 * Urgent first (【紧急】, then the 防汛应急 category), before pinned routine notices, then newest:
 * the same order on the notice list, the home page, the feed and the API.
 */
const listOrder: Prisma.NoticeOrderByWithRelationInput[] = [
  { urgent: "desc" },
  { emergency: "desc" },
  { pinned: "desc" },
  { publishedAt: "desc" },
  { id: "asc" },
];

/** The where clause of a filtered list of current notices. */
function noticeListWhere(filter: TNoticeFilter, now: Date): Prisma.NoticeWhereInput {
  const where: Prisma.NoticeWhereInput = { ...currentNoticeWhere(now) };
  const place: Prisma.CommunityWhereInput = {};
  if (filter.community) place.code = filter.community;
  else if (filter.street) place.street = { code: filter.street };
  else if (filter.district) place.street = { district: { code: filter.district } };
  if (Object.keys(place).length) where.targets = { some: { community: place } };
  if (filter.category) where.category = filter.category;
  return where;
}

/**
 * Current notices, urgent first, then pinned, then newest; filtered by place and category. A resident's own
 * communities (`mine`, community codes) come first: their notices fill the first pages, then the rest.
 */
export async function listNotices(input: { filter: TNoticeFilter; mine?: string[]; now?: Date } & TDbOption) {
  const { filter, mine = [] } = input;
  const where = noticeListWhere(filter, input.now ?? new Date());
  const prisma = await publicReadClientOf(input);
  const mineWhere: Prisma.NoticeWhereInput = {
    AND: [where, { targets: { some: { community: { code: { in: mine } } } } }],
  };
  const restWhere: Prisma.NoticeWhereInput = mine.length
    ? { AND: [where, { NOT: { targets: { some: { community: { code: { in: mine } } } } } }] }
    : where;
  const [mineTotal, restTotal] = await Promise.all([
    mine.length ? prisma.notice.count({ where: mineWhere }) : 0,
    prisma.notice.count({ where: restWhere }),
  ]);
  const total = mineTotal + restTotal;
  const { page, pages, skip: offset } = pageOf(total, noticesPageSize, filter.page);
  const mineItems =
    offset < mineTotal
      ? await prisma.notice.findMany({
          where: mineWhere,
          orderBy: listOrder,
          skip: offset,
          take: noticesPageSize,
          select: listSelect,
        })
      : [];
  const restItems =
    mineItems.length < noticesPageSize
      ? await prisma.notice.findMany({
          where: restWhere,
          orderBy: listOrder,
          skip: Math.max(0, offset - mineTotal),
          take: noticesPageSize - mineItems.length,
          select: listSelect,
        })
      : [];
  const items = [
    ...mineItems.map((n) => ({ ...n, mine: true })),
    ...restItems.map((n) => ({ ...n, mine: false })),
  ];
  return { total, items, page, pages, mineTotal };
}

/**
 * The current notices for a feed, in the list's order (urgent first, so the feed read as a page
 * leads with them; readers sort by date themselves). No "mine first": a feed is the same for everyone.
 */
export async function feedNotices(input: { filter: TNoticeFilter; limit?: number } & TDbOption) {
  return (await publicReadClientOf(input)).notice.findMany({
    where: noticeListWhere(input.filter, new Date()),
    orderBy: listOrder,
    take: input.limit ?? 50,
    select: { ...listSelect, body: true },
  });
}

/** A notice by id, published at some time (expired ones keep their URL), or null. */
export async function getNotice(input: { id: string } & TDbOption) {
  return (await publicReadClientOf(input)).notice.findFirst({
    where: { id: input.id, status: { in: ["PUBLISHED", "ARCHIVED"] }, publishedAt: { lte: new Date() } },
    include: {
      department: true,
      author: { select: { name: true } },
      targets: { include: { community: { include: { street: { include: { district: true } } } } } },
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true } },
    },
  });
}

/** The newest current notices for the home page, the resident's own communities first. */
export async function latestNotices(input: { limit?: number; mine?: string[] } & TDbOption) {
  const { limit = 6, mine = [] } = input;
  const prisma = await publicReadClientOf(input);
  const where = currentNoticeWhere(new Date());
  const select = {
    id: true,
    title: true,
    titleEn: true,
    publishedAt: true,
    pinned: true,
    urgent: true,
    emergency: true,
    category: true,
  } satisfies Prisma.NoticeSelect;
  const own = mine.length
    ? await prisma.notice.findMany({
        where: { AND: [where, { targets: { some: { community: { code: { in: mine } } } } }] },
        orderBy: listOrder,
        take: limit,
        select,
      })
    : [];
  const rest =
    own.length < limit
      ? await prisma.notice.findMany({
          where: { AND: [where, { id: { notIn: own.map((n) => n.id) } }] },
          orderBy: listOrder,
          take: limit - own.length,
          select,
        })
      : [];
  return [...own.map((n) => ({ ...n, mine: true })), ...rest.map((n) => ({ ...n, mine: false }))];
}

/** How long an urgent notice without an end date stays the home page's banner. */
export const bannerWithoutExpiryMs = 3 * 24 * 3600 * 1000;

/**
 * The urgent notices current at `now`, newest first, for the home page's banner: each until it
 * expires (one without an end date for three days after publication, so a forgotten flag does not
 * stay on the home page for ever).
 */
export async function currentUrgentNotices(input: { now?: Date; limit?: number } & TDbOption) {
  const now = input.now ?? new Date();
  return (await publicReadClientOf(input)).notice.findMany({
    where: {
      AND: [
        currentNoticeWhere(now),
        { urgent: true },
        {
          OR: [
            { expiresAt: { not: null } },
            { publishedAt: { gt: new Date(now.getTime() - bannerWithoutExpiryMs) } },
          ],
        },
      ],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: input.limit ?? 3,
    select: { id: true, title: true, titleEn: true, publishedAt: true, expiresAt: true },
  });
}
