import "server-only";
import { auditIfExists } from "../audit/refusals";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isStaff } from "../auth/policy";
import { isNoticeEditor, type TNoticeStatus } from "./noticeWorkflow";

/**
 * Who may open the editors' desk and see notices before publication: editors, who write them,
 * and supervisors, who review them and publish an emergency.
 */
function mayReadStaffNotices(actor: TSessionUser | null): actor is TSessionUser {
  return isNoticeEditor(actor) || (isStaff(actor) && actor.grants.some((g) => g.role === "SUPERVISOR"));
}

/** Notices for the editors' desk, newest change first, by status; null for anyone else. */
export async function staffNoticeList(
  input: { actor: TSessionUser | null; status?: TNoticeStatus } & TDbOption,
) {
  const { status } = input;
  if (!mayReadStaffNotices(input.actor)) return null;
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

/**
 * One notice, in any status, with everything the editor, the reviewer and the preview need; null
 * when it does not exist or the actor may not read unpublished notices (the same 404 for both).
 */
export async function noticeForStaff(input: { actor: TSessionUser | null; id: string } & TDbOption) {
  const prisma = await clientOf(input);
  const actorId = input.actor?.id ?? null;
  if (!mayReadStaffNotices(input.actor))
    return auditIfExists(
      prisma,
      () => prisma.notice.findUnique({ where: { id: input.id }, select: { id: true } }),
      {
        actorId,
        action: "notice.read",
        entityType: "Notice",
        entityId: input.id,
      },
    );
  return prisma.notice.findUnique({
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
