import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole } from "../auth/policy";
import { writeGuardedChange } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError } from "../shared/errors";
import { z } from "zod";
import { addWorkingDays, chinaDay } from "../calendar/workdays";
import { getCaseSettings } from "../settings/queries";
import { notifyApplicant } from "../notifications/notifyApplicant";
import { serviceCaseNumberPattern } from "./schema";

/**
 * The follow-up of a 差评: verify (核实) → fix (整改) → call the rater back (回访) → close, the
 * rater being told the outcome; the rater may appeal (申诉) once within the set period, and the
 * supervisor's review of the appeal closes it again.
 */
const followUpSteps = {
  OPEN: "VERIFIED",
  VERIFIED: "FIXED",
  FIXED: "CALLED_BACK",
  CALLED_BACK: "CLOSED",
  APPEALED: "CLOSED",
} as const;
type TFollowUpStatus = keyof typeof followUpSteps | "CLOSED";

export type TFollowUpNote = { status: string; note: string; by: string; at: string };
type TNote = TFollowUpNote;

/** Where a rating's follow-up stands for its rater: the outcome, and until when they may appeal. */
export function followUpForRater(
  rating: { followUpStatus: string | null; followUpNotes: unknown },
  appealDays: number,
  today: string,
): { status: string; outcome: string | null; appealUntil: string | null; appealed: boolean } | null {
  if (!rating.followUpStatus) return null;
  const notes = (rating.followUpNotes as TNote[] | null) ?? [];
  const closed = notes.filter((n) => n.status === "CLOSED").at(-1);
  const appealed = notes.some((n) => n.status === "APPEALED");
  const until =
    rating.followUpStatus === "CLOSED" && closed && !appealed
      ? addWorkingDays(chinaDay(new Date(closed.at)), appealDays).due
      : null;
  return {
    status: rating.followUpStatus,
    outcome: closed?.note ?? null,
    appealUntil: until && until >= today ? until : null,
    appealed,
  };
}

/**
 * Moves a case's rating from one follow-up status to the next with its notes, guarded on the status
 * it was read in (a move made meanwhile is refused), and audits it as `action` on the case, together.
 */
async function moveFollowUp(
  prisma: PrismaClient,
  move: {
    actor: TSessionUser;
    trackingNumber: string;
    ratingId: string;
    from: TFollowUpStatus;
    to: TFollowUpStatus | "APPEALED";
    notes: TNote[];
    action: string;
    detail?: Prisma.InputJsonObject;
  },
) {
  await writeGuardedChange(
    prisma,
    (tx) =>
      tx.rating.updateMany({
        where: { id: move.ratingId, followUpStatus: move.from },
        data: { followUpStatus: move.to, followUpNotes: move.notes },
      }),
    {
      actorId: move.actor.id,
      action: move.action,
      entityType: "Application",
      entityId: move.trackingNumber,
      detail: move.detail,
    },
  );
}

/**
 * Moves a 差评 follow-up one step on, with a note; only the supervisor of the case's department
 * (or an administrator). Refusals are audited and look like "not found".
 */
export async function advanceFollowUp(
  input: { actor: TSessionUser; trackingNumber: string; note: string; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await prisma.application.findUnique({
    where: { trackingNumber: input.trackingNumber },
    include: { rating: true, service: { select: { department: { select: { code: true } } } } },
  });
  if (!found?.rating?.followUpStatus || !hasRole(input.actor, "SUPERVISOR", found.service.department.code)) {
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "rating.followUp",
      entityType: "Application",
      entityId: input.trackingNumber,
    });
  }
  const current = found.rating.followUpStatus as TFollowUpStatus;
  if (!(current in followUpSteps)) throw new FormError("transitionNotAllowed");
  const note = input.note.trim();
  if (!note) throw new FormError("reasonRequired", "note");
  const next = followUpSteps[current as keyof typeof followUpSteps];
  const notes = [
    ...((found.rating.followUpNotes as TNote[] | null) ?? []),
    { status: next, note, by: input.actor.name, at: (input.now ?? new Date()).toISOString() },
  ];
  await moveFollowUp(prisma, {
    actor: input.actor,
    trackingNumber: found.trackingNumber,
    ratingId: found.rating.id,
    from: current,
    to: next,
    notes,
    action: "rating.followUp",
    detail: { from: current, to: next },
  });
  // the rater is told the outcome of the 整改 (and of their appeal), with what was done
  if (next === "CLOSED")
    await notifyApplicant({
      trackingNumber: found.trackingNumber,
      kind: current === "APPEALED" ? "appealClosed" : "followUpClosed",
      reason: note,
      db: prisma,
    });
  return { status: next };
}

export const ZAppeal = z.object({
  trackingNumber: z.string().regex(serviceCaseNumberPattern),
  reason: z.string().trim().min(1, "required").max(1000, "tooLongMax|1000"),
});

/**
 * The rater appeals (申诉) the outcome of a 差评's follow-up: once, within the set working days
 * of being told it; the follow-up goes back to the department's supervisor. Another person's
 * case is "not found".
 */
export async function appealFollowUp(
  input: { actor: TSessionUser; trackingNumber: string; reason: string; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await prisma.application.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    include: { rating: true },
  });
  if (!found?.rating) {
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "rating.appeal",
      entityType: "Application",
      entityId: input.trackingNumber,
    });
  }
  const reason = input.reason.trim();
  if (!reason) throw new FormError("required", "reason");
  const { appealDays } = await getCaseSettings({ db: prisma });
  const now = input.now ?? new Date();
  const state = followUpForRater(found.rating, appealDays, chinaDay(now));
  if (!state || state.status !== "CLOSED") throw new FormError("appealNotOpen");
  if (state.appealed) throw new FormError("appealOnce");
  if (!state.appealUntil) throw new FormError("appealTooLate");
  const notes = [
    ...((found.rating.followUpNotes as TNote[] | null) ?? []),
    { status: "APPEALED", note: reason, by: input.actor.name, at: now.toISOString() },
  ];
  await moveFollowUp(prisma, {
    actor: input.actor,
    trackingNumber: found.trackingNumber,
    ratingId: found.rating.id,
    from: "CLOSED",
    to: "APPEALED",
    notes,
    action: "rating.appeal",
  });
  return { status: "APPEALED" as const };
}

/** Open 差评 follow-ups in the supervisor's departments (administrators: all), earliest deadline first. */
export async function listFollowUps(input: { actor: TSessionUser } & TDbOption) {
  const departments = departmentScope(input.actor, "SUPERVISOR");
  if (departments && departments.length === 0) return [];
  return (await clientOf(input)).rating.findMany({
    where: {
      followUpStatus: { in: ["OPEN", "VERIFIED", "FIXED", "CALLED_BACK", "APPEALED"] },
      application: departments ? { service: { department: { code: { in: departments } } } } : undefined,
    },
    orderBy: { followUpDue: "asc" },
    include: {
      application: { select: { trackingNumber: true, service: { select: { name: true, nameEn: true } } } },
    },
  });
}
