import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isCitizen } from "../auth/policy";
import { writeGuardedChange } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError, NotFoundError } from "../shared/errors";
import { countAttempt } from "../throttle/throttle";
import { isConsultationEditor } from "./consultationWorkflow";
import { acceptsComments } from "./rules";
import type { TCommentInput, TModerationInput } from "./schema";

/**
 * A signed-in citizen's comment on an open consultation, taken only inside its period by the
 * server's clock; it waits for moderation. A draft is not there at all (404); at most a few an
 * hour from one citizen (TooManyRequestsError over the limit).
 */
export async function submitComment(
  input: { actor: TSessionUser | null; comment: TCommentInput; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { actor, comment } = input;
  if (!isCitizen(actor)) throw new NotFoundError("consultation");
  const consultation = await prisma.consultation.findFirst({
    where: { id: comment.consultationId, status: { not: "DRAFT" } },
    select: { id: true, status: true, opensAt: true, closesAt: true },
  });
  if (!consultation) throw new NotFoundError("consultation");
  if (!acceptsComments(consultation, input.now ?? new Date()))
    throw new FormError("consultationNotAccepting", "body");
  await countAttempt({ limit: "consultationComment", key: actor.id, db: prisma });
  return prisma.consultationComment.create({
    data: {
      consultationId: consultation.id,
      authorId: actor.id,
      body: comment.body,
      private: comment.private === "yes",
    },
    select: { id: true, status: true },
  });
}

/**
 * An editor approves a pending comment or rejects it with a reason; audited, refusals too. A
 * private comment is moderated like any other and, approved, counts in the figures but is never
 * shown.
 */
export async function moderateComment(
  input: { actor: TSessionUser; moderation: TModerationInput; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { actor, moderation } = input;
  const action = `consultation.comment.${moderation.decision}`;
  const comment = isConsultationEditor(actor)
    ? await prisma.consultationComment.findUnique({
        where: { id: moderation.commentId },
        select: { id: true, status: true, consultationId: true, consultation: { select: { status: true } } },
      })
    : null;
  if (!comment)
    throw await deniedAsNotFound(prisma, {
      actorId: actor.id,
      action,
      entityType: "ConsultationComment",
      entityId: moderation.commentId,
    });
  const reason = moderation.reason?.trim() || null;
  if (moderation.decision === "reject" && !reason) throw new FormError("reasonRequired", "reason");
  if (comment.status !== "PENDING" || comment.consultation.status === "DRAFT")
    throw new FormError("consultationCommentModerated");
  await writeGuardedChange(
    prisma,
    (tx) =>
      tx.consultationComment.updateMany({
        where: { id: comment.id, status: "PENDING" },
        data: {
          status: moderation.decision === "approve" ? "APPROVED" : "REJECTED",
          rejectReason: moderation.decision === "reject" ? reason : null,
          moderatorId: actor.id,
          moderatedAt: input.now ?? new Date(),
        },
      }),
    {
      actorId: actor.id,
      action,
      entityType: "ConsultationComment",
      entityId: comment.id,
      detail: { consultationId: comment.consultationId, ...(reason ? { reason } : {}) },
    },
    "consultationCommentModerated",
  );
}
