import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { hasRole, isStaff } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { FormError, NotFoundError } from "../shared/errors";
import { enqueueJob } from "../jobs/queue";
import { saveUpload } from "../uploads/saveUpload";
import { noticeCategories } from "./categories";
import { expandScope, isEmptyScope, type TNoticeScope } from "./scope";
import { mayReview, noticeSteps, type TNoticeStep } from "./workflow";
import { noticeVisibilityChanged } from "./effects";

const ZCode = z.string().regex(/^\d{6,15}$/);

/** What an editor writes; the same schema for a new notice and for a draft's next revision. */
export const ZNoticeInput = z.object({
  title: z.string().trim().min(1, "required").max(120, "tooLongMax|120"),
  titleEn: z.string().trim().max(240, "tooLongMax|240").optional().default(""),
  body: z.string().trim().min(1, "required").max(20_000, "tooLongMax|20000"),
  category: z.enum(noticeCategories, { message: "choose" }),
  scope: z.object({ districts: z.array(ZCode), streets: z.array(ZCode), communities: z.array(ZCode) }),
  source: z.string().trim().min(1, "required").max(120, "tooLongMax|120"),
  publishAt: z.date(),
  expiresAt: z.date().nullable(),
  pinned: z.boolean(),
});
export type TNoticeInput = z.infer<typeof ZNoticeInput>;
export type TNewFile = { name: string; bytes: Uint8Array };

/** Editors write notices; every editor grant covers all communities (CONTRACT.md). */
export function isNoticeEditor(actor: TSessionUser | null): boolean {
  return isStaff(actor) && actor.grants.some((g) => g.role === "EDITOR" || g.role === "ADMIN");
}

async function targetCommunityIds(prisma: PrismaClient, scope: TNoticeScope): Promise<string[]> {
  if (isEmptyScope(scope)) throw new FormError("chooseAtLeastOne", "scope");
  const tree = await prisma.district.findMany({
    select: { code: true, streets: { select: { code: true, communities: { select: { code: true } } } } },
  });
  const expanded = expandScope(scope, tree);
  if ("unknown" in expanded) throw new FormError("choose", "scope");
  const rows = await prisma.community.findMany({
    where: { code: { in: expanded.communities } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

function checkDates(input: TNoticeInput) {
  if (input.expiresAt && input.expiresAt <= input.publishAt)
    throw new FormError("expiryBeforePublication", "expiresAt");
}

/** Everything but title and body, kept on each revision for the diff view. */
function revisionMeta(input: TNoticeInput, attachments: string[]): Prisma.InputJsonValue {
  return {
    titleEn: input.titleEn ?? "",
    category: input.category,
    source: input.source,
    scope: input.scope,
    publishAt: input.publishAt.toISOString(),
    expiresAt: input.expiresAt?.toISOString() ?? null,
    pinned: input.pinned,
    attachments,
  };
}

/** Stores new files first (outside the transaction: storage is not transactional). */
async function storeFiles(prisma: PrismaClient, actor: TSessionUser, files: TNewFile[]) {
  const stored = [];
  for (const file of files)
    stored.push(
      await saveUpload({
        db: prisma,
        actor,
        name: file.name,
        bytes: file.bytes,
        field: "attachments",
        purpose: "notice",
      }),
    );
  return stored;
}

/** A new draft with its first revision and attachments; audited. */
export async function createNotice(
  prisma: PrismaClient,
  input: { actor: TSessionUser; notice: TNoticeInput; files?: TNewFile[] },
) {
  if (!isNoticeEditor(input.actor)) throw new NotFoundError("notice");
  const { notice: data } = input;
  checkDates(data);
  const communityIds = await targetCommunityIds(prisma, data.scope);
  const files = await storeFiles(prisma, input.actor, input.files ?? []);
  return prisma.$transaction(async (tx) => {
    const notice = await tx.notice.create({
      data: {
        title: data.title,
        titleEn: data.titleEn || null,
        body: data.body,
        category: data.category,
        source: data.source,
        pinned: data.pinned,
        emergency: data.category === "emergency",
        publishAt: data.publishAt,
        expiresAt: data.expiresAt,
        authorId: input.actor.id,
        scope: data.scope,
        targets: { create: communityIds.map((communityId) => ({ communityId })) },
        revisions: {
          create: {
            version: 1,
            title: data.title,
            body: data.body,
            editorId: input.actor.id,
            comment: "create",
            meta: revisionMeta(
              data,
              files.map((f) => f.fileName),
            ),
          },
        },
      },
    });
    if (files.length)
      await tx.attachment.updateMany({
        where: { id: { in: files.map((f) => f.id) }, uploaderId: input.actor.id },
        data: { noticeId: notice.id },
      });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "notice.create",
      entityType: "Notice",
      entityId: notice.id,
    });
    return notice;
  });
}

/** The next revision of a draft (only a draft can change: a submitted notice is sent back first). */
export async function updateNotice(
  prisma: PrismaClient,
  input: {
    actor: TSessionUser;
    noticeId: string;
    expectedVersion: number;
    notice: TNoticeInput;
    files?: TNewFile[];
    removeAttachments?: string[];
  },
) {
  const current = isNoticeEditor(input.actor)
    ? await prisma.notice.findUnique({
        where: { id: input.noticeId },
        include: { attachments: { select: { id: true, fileName: true } } },
      })
    : null;
  if (!current) {
    await writeAudit(prisma, {
      actorId: input.actor.id,
      action: "notice.edit",
      entityType: "Notice",
      entityId: input.noticeId,
      outcome: "DENIED",
    });
    throw new NotFoundError("notice");
  }
  if (current.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (current.status !== "DRAFT") throw new FormError("onlyDraftEditable");
  const { notice: data } = input;
  checkDates(data);
  const communityIds = await targetCommunityIds(prisma, data.scope);
  const files = await storeFiles(prisma, input.actor, input.files ?? []);
  const removed = new Set(
    (input.removeAttachments ?? []).filter((id) => current.attachments.some((a) => a.id === id)),
  );
  const kept = current.attachments.filter((a) => !removed.has(a.id)).map((a) => a.fileName);
  const version = input.expectedVersion + 1;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: current.id, version: input.expectedVersion, status: "DRAFT" },
      data: {
        title: data.title,
        titleEn: data.titleEn || null,
        body: data.body,
        category: data.category,
        source: data.source,
        pinned: data.pinned,
        emergency: data.category === "emergency",
        publishAt: data.publishAt,
        expiresAt: data.expiresAt,
        scope: data.scope,
        version,
      },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await tx.noticeTarget.deleteMany({ where: { noticeId: current.id } });
    await tx.noticeTarget.createMany({
      data: communityIds.map((communityId) => ({ noticeId: current.id, communityId })),
    });
    if (removed.size)
      await tx.attachment.updateMany({
        where: { id: { in: [...removed] }, noticeId: current.id },
        data: { noticeId: null },
      });
    if (files.length)
      await tx.attachment.updateMany({
        where: { id: { in: files.map((f) => f.id) }, uploaderId: input.actor.id },
        data: { noticeId: current.id },
      });
    await tx.noticeRevision.create({
      data: {
        noticeId: current.id,
        version,
        title: data.title,
        body: data.body,
        editorId: input.actor.id,
        comment: "edit",
        meta: revisionMeta(data, [...kept, ...files.map((f) => f.fileName)]),
      },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "notice.edit",
      entityType: "Notice",
      entityId: current.id,
      detail: { version },
    });
  });
}

/**
 * One step of the workflow: the table, the second-person rule for approval, a comment when sent
 * back, the supervisor for an emergency; the status change, a revision, the audit entry and the
 * follow-up job commit together (optimistic locking on the version).
 */
export async function applyNoticeStep(
  prisma: PrismaClient,
  input: {
    actor: TSessionUser;
    noticeId: string;
    step: Exclude<TNoticeStep, "publish">;
    expectedVersion: number;
    comment?: string;
    now?: Date;
  },
) {
  const rule = noticeSteps[input.step];
  const notice = await prisma.notice.findUnique({
    where: { id: input.noticeId },
    include: { department: { select: { code: true } }, revisions: { orderBy: { version: "desc" }, take: 1 } },
  });
  const supervisorOk = (actor: TSessionUser) =>
    notice?.department
      ? hasRole(actor, "SUPERVISOR", notice.department.code)
      : actor.grants.some((g) => g.role === "SUPERVISOR" || g.role === "ADMIN");
  const allowed =
    !!notice &&
    (rule.by === "supervisor"
      ? supervisorOk(input.actor)
      : rule.by === "reviewer"
        ? isNoticeEditor(input.actor) || supervisorOk(input.actor)
        : isNoticeEditor(input.actor));
  if (!notice || !allowed) {
    await writeAudit(prisma, {
      actorId: input.actor.id,
      action: `notice.${input.step}`,
      entityType: "Notice",
      entityId: input.noticeId,
      outcome: "DENIED",
    });
    throw new NotFoundError("notice");
  }
  if (notice.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!rule.from.includes(notice.status)) throw new FormError("transitionNotAllowed");
  if (
    input.step === "approve" &&
    !mayReview(input.actor.id, notice.authorId, notice.revisions[0]?.editorId ?? null)
  )
    throw new FormError("secondPersonRequired");
  if (input.step === "sendBack" && !input.comment?.trim()) throw new FormError("reasonRequired", "comment");
  if (input.step === "publishEmergency" && !notice.emergency) throw new FormError("notEmergency");
  const now = input.now ?? new Date();
  const version = input.expectedVersion + 1;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: notice.id, version: input.expectedVersion, status: notice.status },
      data: {
        status: rule.to,
        version,
        ...(input.step === "approve" ? { approverId: input.actor.id } : {}),
        ...(input.step === "sendBack" ? { approverId: null } : {}),
        ...(input.step === "publishEmergency" ? { approverId: input.actor.id, publishedAt: now } : {}),
      },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    const previous = notice.revisions[0];
    await tx.noticeRevision.create({
      data: {
        noticeId: notice.id,
        version,
        title: notice.title,
        body: notice.body,
        editorId: input.actor.id,
        comment: input.comment?.trim() || input.step,
        meta: (previous?.meta ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: `notice.${input.step}`,
      entityType: "Notice",
      entityId: notice.id,
      detail: {
        from: notice.status,
        to: rule.to,
        ...(input.step === "publishEmergency" ? { singlePerson: true } : {}),
      },
    });
    // approval schedules publication; a version in the key means a later re-approval gets its own job
    if (input.step === "approve")
      await enqueueJob(tx, {
        kind: "notice.publish",
        payload: { noticeId: notice.id },
        runAt: notice.publishAt ?? now,
        uniqueKey: `notice.publish:${notice.id}:${version}`,
      });
    if (input.step === "publishEmergency")
      await afterPublication(tx, { id: notice.id, expiresAt: notice.expiresAt }, now);
  });
  if (input.step === "publishEmergency" || input.step === "archive")
    await noticeVisibilityChanged(prisma, notice.id);
}

/** Publication's follow-up work: the subscribers' mail now, and the expiry at its time. */
async function afterPublication(
  tx: Prisma.TransactionClient,
  notice: { id: string; expiresAt: Date | null },
  now: Date,
) {
  await enqueueJob(tx, {
    kind: "notice.mail",
    payload: { noticeId: notice.id },
    runAt: now,
    uniqueKey: `notice.mail:${notice.id}`,
  });
  if (notice.expiresAt)
    await enqueueJob(tx, {
      kind: "notice.expire",
      payload: { noticeId: notice.id },
      runAt: notice.expiresAt,
      uniqueKey: `notice.expire:${notice.id}`,
    });
}

/**
 * Publishes an approved notice whose time has come (the `notice.publish` job). The status
 * guard makes a second attempt a no-op, so a notice is published once whoever runs the job.
 */
export async function publishNotice(
  prisma: PrismaClient,
  noticeId: string,
  now = new Date(),
): Promise<boolean> {
  const published = await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: noticeId, status: "APPROVED", publishAt: { lte: now } },
      data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    const notice = await tx.notice.findUniqueOrThrow({
      where: { id: noticeId },
      include: { revisions: { orderBy: { version: "desc" }, take: 1 } },
    });
    await tx.noticeRevision.create({
      data: {
        noticeId,
        version: notice.version,
        title: notice.title,
        body: notice.body,
        editorId: null,
        comment: "publish",
        meta: (notice.revisions[0]?.meta ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
    await writeAudit(tx, {
      actorId: null,
      action: "notice.publish",
      entityType: "Notice",
      entityId: noticeId,
    });
    await afterPublication(tx, notice, now);
    return true;
  });
  if (published) await noticeVisibilityChanged(prisma, noticeId);
  return published;
}
