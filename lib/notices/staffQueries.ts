import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TNoticeStatus } from "./noticeWorkflow";

/** Notices for the editors' desk, newest change first, by status. */
export async function staffNoticeList(input: { status?: TNoticeStatus } & TDbOption) {
  const { status } = input;
  const prisma = await clientOf(input);
  const [items, counts] = await Promise.all([
    prisma.notice.findMany({
      where: status ? { status } : {},
      orderBy: [{ updatedAt: "desc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        status: true,
        category: true,
        emergency: true,
        publishAt: true,
        expiresAt: true,
        publishedAt: true,
        updatedAt: true,
        author: { select: { name: true } },
      },
    }),
    prisma.notice.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    items,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
      Record<TNoticeStatus, number>
    >,
  };
}

/** One notice with everything the editor, the reviewer and the preview need. */
export async function noticeForStaff(input: { id: string } & TDbOption) {
  return (await clientOf(input)).notice.findUnique({
    where: { id: input.id },
    include: {
      department: true,
      author: { select: { id: true, name: true } },
      approver: { select: { name: true } },
      targets: {
        include: { community: { include: { street: { include: { district: true } } } } },
        orderBy: { community: { code: "asc" } },
      },
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true } },
      revisions: { orderBy: { version: "asc" }, include: { editor: { select: { id: true, name: true } } } },
    },
  });
}
