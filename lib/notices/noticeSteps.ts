import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { hasRole, isStaff } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { FormError, NotFoundError } from "../shared/errors";
import { noticeCategories } from "./categories";
import { mayReview, noticeSteps, type TNoticeStep } from "./workflow";

export const ZNoticeDraft = z.object({
  title: z.string().trim().min(1, "required").max(120, "tooLongMax|120"),
  body: z.string().trim().min(1, "required").max(20_000, "tooLongMax|20000"),
  category: z.enum(noticeCategories, { message: "choose" }),
  communities: z.array(z.string().regex(/^\d{9,15}$/)).min(1, "chooseAtLeastOne"),
  source: z.string().trim().min(1, "required").max(120, "tooLongMax|120"),
  publishAt: z.date(),
  expiresAt: z.date().nullable(),
  pinned: z.boolean(),
});
export type TNoticeDraft = z.infer<typeof ZNoticeDraft>;

/** Editors (scoped to all communities or a department) write notices. */
function isEditor(actor: TSessionUser): boolean {
  return isStaff(actor) && actor.grants.some((g) => g.role === "EDITOR" || g.role === "ADMIN");
}

/** A new draft with its first revision; audited. */
export async function createNoticeDraft(prisma: PrismaClient, input: { actor: TSessionUser; draft: TNoticeDraft }) {
  if (!isEditor(input.actor)) throw new NotFoundError("notice");
  const { draft } = input;
  if (draft.expiresAt && draft.expiresAt <= draft.publishAt) throw new FormError("expiryBeforePublication", "expiresAt");
  const communities = await prisma.community.findMany({ where: { code: { in: draft.communities } }, select: { id: true } });
  if (communities.length !== new Set(draft.communities).size) throw new FormError("choose", "communities");
  return prisma.$transaction(async (tx) => {
    const notice = await tx.notice.create({
      data: {
        title: draft.title, body: draft.body, category: draft.category, source: draft.source, pinned: draft.pinned,
        emergency: draft.category === "emergency", publishAt: draft.publishAt, expiresAt: draft.expiresAt, authorId: input.actor.id,
        targets: { create: communities.map((c) => ({ communityId: c.id })) },
        revisions: { create: { version: 1, title: draft.title, body: draft.body, editorId: input.actor.id } },
      },
    });
    await writeAudit(tx, { actorId: input.actor.id, action: "notice.create", entityType: "Notice", entityId: notice.id });
    return notice;
  });
}

/**
 * One step of the workflow: the table, the second-person rule for approval, a comment when sent
 * back, the supervisor for an emergency; the status change, a revision note and the audit entry
 * commit together (optimistic locking on the version).
 */
export async function applyNoticeStep(prisma: PrismaClient, input: { actor: TSessionUser; noticeId: string; step: Exclude<TNoticeStep, "publish">; expectedVersion: number; comment?: string; now?: Date }) {
  const rule = noticeSteps[input.step];
  const notice = await prisma.notice.findUnique({
    where: { id: input.noticeId },
    include: { department: { select: { code: true } }, revisions: { orderBy: { version: "desc" }, take: 1 } },
  });
  const supervisorOk = (actor: TSessionUser) => (notice?.department ? hasRole(actor, "SUPERVISOR", notice.department.code) : actor.grants.some((g) => g.role === "SUPERVISOR" || g.role === "ADMIN"));
  const allowed =
    !!notice &&
    (rule.by === "supervisor" ? supervisorOk(input.actor) : rule.by === "reviewer" ? isEditor(input.actor) || supervisorOk(input.actor) : isEditor(input.actor));
  if (!notice || !allowed) {
    await writeAudit(prisma, { actorId: input.actor.id, action: `notice.${input.step}`, entityType: "Notice", entityId: input.noticeId, outcome: "DENIED" });
    throw new NotFoundError("notice");
  }
  if (notice.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!rule.from.includes(notice.status)) throw new FormError("transitionNotAllowed");
  if (input.step === "approve" && !mayReview(input.actor.id, notice.authorId, notice.revisions[0]?.editorId ?? null)) throw new FormError("secondPersonRequired");
  if (input.step === "sendBack" && !input.comment?.trim()) throw new FormError("reasonRequired", "comment");
  if (input.step === "publishEmergency" && !notice.emergency) throw new FormError("notEmergency");
  const now = input.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: notice.id, version: input.expectedVersion, status: notice.status },
      data: {
        status: rule.to,
        version: { increment: 1 },
        ...(input.step === "approve" ? { approverId: input.actor.id } : {}),
        ...(input.step === "publishEmergency" ? { approverId: input.actor.id, publishedAt: now } : {}),
      },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await tx.noticeRevision.create({
      data: { noticeId: notice.id, version: input.expectedVersion + 1, title: notice.title, body: notice.body, editorId: input.actor.id, comment: input.comment?.trim() || input.step },
    });
    await writeAudit(tx, { actorId: input.actor.id, action: `notice.${input.step}`, entityType: "Notice", entityId: notice.id, detail: { from: notice.status, to: rule.to } });
  });
}

/** Publishes every approved notice whose time has come (run by the job runner); returns their ids. */
export async function publishDueNotices(prisma: PrismaClient, now = new Date()): Promise<string[]> {
  const due = await prisma.notice.findMany({ where: { status: "APPROVED", publishAt: { lte: now } }, select: { id: true } });
  const published: string[] = [];
  for (const { id } of due) {
    // the status guard makes a second runner's attempt a no-op: each notice is published once
    const updated = await prisma.notice.updateMany({ where: { id, status: "APPROVED" }, data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } } });
    if (updated.count === 1) {
      published.push(id);
      await writeAudit(prisma, { actorId: null, action: "notice.publish", entityType: "Notice", entityId: id });
    }
  }
  return published;
}
