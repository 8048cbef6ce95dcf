import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { enqueueJob } from "../jobs/queue";
import { stepEngine, type TStepInput, type TStepKind } from "../workflow/applyStep";
import {
  noticeWorkflow,
  noticeWriters,
  reviewsOfRound,
  type TNoticeRule,
  type TNoticeStep,
} from "./noticeWorkflow";
import { needsThreeLevels } from "./reviewLevels";
import { noticeVisibilityChanged } from "./effects";
import { bannerWithoutExpiryMs } from "./queries";

/** The steps people take; `publish` is the job runner's, at the scheduled time (publishNotice). */
type TNoticeStaffStep = Exclude<TNoticeStep, "publish">;

export type TNoticeStepInput = TStepInput<TNoticeStaffStep> & {
  noticeId: string;
  /** a send-back's words to the editor */
  comment?: string;
};

async function loadNotice(prisma: PrismaClient, id: string) {
  const found = await prisma.notice.findUnique({
    where: { id },
    include: {
      department: { select: { code: true } },
      revisions: { orderBy: { version: "desc" }, select: { editorId: true, comment: true, meta: true } },
    },
  });
  if (!found) return null;
  return {
    ...found,
    writerIds: noticeWriters(found.authorId, found.revisions),
    threeLevels: await needsThreeLevels({
      db: prisma,
      department: found.department?.code ?? null,
      category: found.category,
    }),
    reviews: reviewsOfRound([...found.revisions].reverse()),
  };
}

type TNotice = NonNullable<Awaited<ReturnType<typeof loadNotice>>>;
type TNoticePlan = { data: Prisma.NoticeUpdateManyMutationInput; auditDetail?: { singlePerson: true } };

/** A new revision carries the notice whole (title, body and the rest as JSON) for the diff view. */
function revisionOf(
  notice: { id: string; version: number; title: string; body: string },
  previous: { meta: Prisma.JsonValue } | undefined,
  editorId: string | null,
  comment: string,
): Prisma.NoticeRevisionUncheckedCreateInput {
  return {
    noticeId: notice.id,
    version: notice.version,
    title: notice.title,
    body: notice.body,
    editorId,
    comment,
    meta: (previous?.meta ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

/** Publication's follow-up work: the subscribers' mail now, and the expiry at its time. */
async function afterPublication(
  tx: Prisma.TransactionClient,
  notice: { id: string; expiresAt: Date | null; urgent: boolean },
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
  // an urgent notice without an end date leaves the home page's banner after a while: the pages
  // showing it are told then, as at an expiry
  else if (notice.urgent)
    await enqueueJob(tx, {
      kind: "notice.bannerEnds",
      payload: { noticeId: notice.id },
      runAt: new Date(now.getTime() + bannerWithoutExpiryMs),
      uniqueKey: `notice.bannerEnds:${notice.id}`,
    });
}

/** The notice workflow on the engine: approver, comment, revision and publication jobs as hooks. */
const noticeSteps: TStepKind<TNotice, TNoticeRule, TNoticeStepInput, TNoticePlan> = {
  workflow: noticeWorkflow,
  audit: { action: "notice", entityType: "Notice" },
  key: (input) => input.noticeId,
  load: loadNotice,
  async plan({ step, actor, input, now }) {
    switch (step) {
      case "approve":
        return { data: { approverId: actor.id } };
      case "sendBack":
        if (!input.comment?.trim()) throw new FormError("reasonRequired", "comment");
        return { data: { approverId: null } };
      // published by one person: the audit entry says so
      case "publishEmergency":
        return { data: { approverId: actor.id, publishedAt: now }, auditDetail: { singlePerson: true } };
      case "submit":
      case "firstReview":
      case "secondReview":
      case "archive":
        return { data: {} };
    }
  },
  update: (tx, update) => tx.notice.updateMany(update),
  async record(tx, { actor, step, entity, input, now }) {
    const version = entity.version + 1;
    await tx.noticeRevision.create({
      data: revisionOf({ ...entity, version }, entity.revisions[0], actor.id, input.comment?.trim() || step),
    });
    // approval schedules publication; a version in the key means a later re-approval gets its own job
    if (step === "approve")
      await enqueueJob(tx, {
        kind: "notice.publish",
        payload: { noticeId: entity.id },
        runAt: entity.publishAt ?? now,
        uniqueKey: `notice.publish:${entity.id}:${version}`,
      });
    if (step === "publishEmergency") await afterPublication(tx, entity, now);
  },
  async afterCommit({ prisma, step, entity }) {
    if (step === "publishEmergency" || step === "archive") await noticeVisibilityChanged(prisma, entity.id);
  },
};

/**
 * Takes one step of a notice (noticeWorkflow): the table, the second-person rule for approval,
 * a comment when sent back, a supervisor for an emergency; the status, a revision, the audit
 * entry and the follow-up jobs commit together.
 */
export async function applyNoticeStep(input: TNoticeStepInput): Promise<void> {
  await stepEngine(noticeSteps).apply(input);
}

/** Every check applyNoticeStep makes, without taking the step (before a confirmation page). */
export async function checkNoticeStep(input: TNoticeStepInput): Promise<void> {
  await stepEngine(noticeSteps).prepare(input);
}

/**
 * Publishes an approved notice whose time has come (the `notice.publish` job). The status
 * guard makes a second attempt a no-op, so a notice is published once whoever runs the job.
 */
export async function publishNotice(input: { noticeId: string; now?: Date } & TDbOption): Promise<boolean> {
  const prisma = await clientOf(input);
  const { noticeId } = input;
  const now = input.now ?? new Date();
  const rule = noticeWorkflow.steps.publish;
  const published = await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: noticeId, status: { in: [...rule.from] }, publishAt: { lte: now } },
      data: { status: rule.to ?? "PUBLISHED", publishedAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    const notice = await tx.notice.findUniqueOrThrow({
      where: { id: noticeId },
      include: { revisions: { orderBy: { version: "desc" }, take: 1 } },
    });
    await tx.noticeRevision.create({ data: revisionOf(notice, notice.revisions[0], null, "publish") });
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
