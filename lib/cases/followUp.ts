import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError } from "../shared/errors";

/** The follow-up of a 差评: verify (核实) → fix (整改) → call the rater back (回访) → close. */
const followUpSteps = {
  OPEN: "VERIFIED",
  VERIFIED: "FIXED",
  FIXED: "CALLED_BACK",
  CALLED_BACK: "CLOSED",
} as const;
type TFollowUpStatus = keyof typeof followUpSteps | "CLOSED" | "APPEALED";

type TNote = { status: string; note: string; by: string; at: string };

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
  await prisma.$transaction(async (tx) => {
    const updated = await tx.rating.updateMany({
      where: { id: found.rating!.id, followUpStatus: current },
      data: { followUpStatus: next, followUpNotes: notes },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "rating.followUp",
      entityType: "Application",
      entityId: found.trackingNumber,
      detail: { from: current, to: next },
    });
  });
  return { status: next };
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
