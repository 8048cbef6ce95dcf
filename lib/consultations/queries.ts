import "server-only";
import type { Prisma } from "../db/generated/client";
import { clientOf, publicReadClientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isCitizen } from "../auth/policy";
import { editorsConsultation, requireConsultationEditor } from "./editorAccess";

/** What the public may see: anything opened, never a draft. */
const publicWhere: Prisma.ConsultationWhereInput = { status: { not: "DRAFT" } };
/** A comment the public reads: approved, and its writer did not ask to keep it private. */
const publicCommentWhere: Prisma.ConsultationCommentWhereInput = { status: "APPROVED", private: false };

const department = { select: { code: true, name: true, nameEn: true } } as const;

/** What both lists, the public's and the editors', show of a consultation. */
const listed = {
  id: true,
  title: true,
  kind: true,
  status: true,
  opensAt: true,
  closesAt: true,
  department,
} satisfies Prisma.ConsultationSelect;

/**
 * The public list: consultations taking comments (soonest closing first), then the closed ones,
 * newest first, each marked when its feedback is out.
 */
export async function publicConsultations(input: { now?: Date } & TDbOption = {}) {
  const prisma = await publicReadClientOf(input);
  const now = input.now ?? new Date();
  const rows = await prisma.consultation.findMany({
    where: publicWhere,
    select: { ...listed, summary: true, feedbackPublishedAt: true },
    orderBy: { closesAt: "desc" },
  });
  const open = rows.filter((c) => c.status === "OPEN" && now < c.closesAt).reverse();
  const closed = rows.filter((c) => !(c.status === "OPEN" && now < c.closesAt));
  return { open, closed };
}

/**
 * One consultation as the public sees it: the draft, the approved public comments, the figures
 * (private comments counted, never shown) and, once published, the feedback and final document.
 */
export async function publicConsultation(input: { id: string } & TDbOption) {
  const prisma = await publicReadClientOf(input);
  const found = await prisma.consultation.findFirst({
    where: { id: input.id, ...publicWhere },
    include: {
      department,
      finalDocument: { select: { indexNo: true, title: true, status: true } },
      comments: {
        where: publicCommentWhere,
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true },
      },
    },
  });
  if (!found) return null;
  const counts = await prisma.consultationComment.groupBy({
    by: ["status", "private"],
    where: { consultationId: found.id },
    _count: { _all: true },
  });
  const sum = (match: (row: (typeof counts)[number]) => boolean) =>
    counts.filter(match).reduce((total, row) => total + row._count._all, 0);
  const published = found.status === "FEEDBACK_PUBLISHED";
  return {
    ...found,
    // the summary and its counts are the department's until it publishes them
    feedback: published ? found.feedback : null,
    finalDocument: published && found.finalDocument?.status === "PUBLISHED" ? found.finalDocument : null,
    figures: {
      received: sum(() => true),
      shown: sum((r) => r.status === "APPROVED" && !r.private),
      private: sum((r) => r.private && r.status !== "REJECTED"),
    },
  };
}

/** A citizen's own comments on one consultation, with where each stands (and why one was rejected). */
export async function ownComments(input: { actor: TSessionUser | null; consultationId: string } & TDbOption) {
  if (!isCitizen(input.actor)) return [];
  const prisma = await clientOf(input);
  return prisma.consultationComment.findMany({
    where: { consultationId: input.consultationId, authorId: input.actor.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, private: true, status: true, rejectReason: true, createdAt: true },
  });
}

/** The editors' desk: every consultation with its pending comments, newest change first. */
export async function staffConsultations(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  await requireConsultationEditor(prisma, {
    actor: input.actor,
    action: "consultation.list",
    entityId: "list",
  });
  return prisma.consultation.findMany({
    orderBy: { updatedAt: "desc" },
    select: { ...listed, _count: { select: { comments: { where: { status: "PENDING" } } } } },
  });
}

/** One consultation for an editor: everything, with every comment and who moderated it. */
export async function staffConsultation(input: { actor: TSessionUser; id: string } & TDbOption) {
  const prisma = await clientOf(input);
  return editorsConsultation(
    prisma,
    { actor: input.actor, action: "consultation.read", entityId: input.id },
    () =>
      prisma.consultation.findUnique({
        where: { id: input.id },
        include: {
          department,
          author: { select: { name: true } },
          finalDocument: { select: { indexNo: true, title: true } },
          comments: {
            orderBy: { createdAt: "asc" },
            include: { moderator: { select: { name: true } }, author: { select: { name: true } } },
          },
        },
      }),
  );
}
