import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole, mayWorkCases } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { FormError, NotFoundError } from "../shared/errors";
import { caseStatuses, type TCaseStatus } from "./caseWorkflow";
import { runningStatuses } from "./deadlines";

/** Departments whose cases the actor works: caseworker and supervisor grants; null = all. */
export function caseDepartments(actor: TSessionUser): string[] | null {
  const caseworker = departmentScope(actor, "CASEWORKER");
  const supervisor = departmentScope(actor, "SUPERVISOR");
  if (caseworker === null || supervisor === null) return null;
  return [...new Set([...caseworker, ...supervisor])];
}

export type TQueueFilter = {
  status?: TCaseStatus;
  service?: string;
  due?: "overdue" | "soon";
  mine?: boolean;
};

/** The queue of the actor's departments: earliest promised date first, unaccepted cases by age. */
export async function listQueue(
  prisma: PrismaClient,
  actor: TSessionUser,
  filter: TQueueFilter,
  today: string,
  soonUntil: string,
) {
  const departments = caseDepartments(actor);
  if (departments && departments.length === 0) return [];
  const where: Prisma.ApplicationWhereInput = {
    service: departments ? { department: { code: { in: departments } } } : undefined,
  };
  if (filter.status) where.status = filter.status;
  if (filter.service) where.service = { ...(where.service as object), code: filter.service };
  if (filter.mine) where.assigneeId = actor.id;
  if (filter.due) {
    where.status = { in: [...runningStatuses] };
    where.promisedDue =
      filter.due === "overdue"
        ? { lt: new Date(`${today}T00:00:00Z`) }
        : { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${soonUntil}T00:00:00Z`) };
  }
  return prisma.application.findMany({
    where,
    orderBy: [{ promisedDue: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }],
    take: 500,
    select: {
      trackingNumber: true,
      status: true,
      submittedAt: true,
      promisedDue: true,
      dueProvisional: true,
      service: { select: { code: true, name: true } },
      applicant: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  });
}

/** One case for staff of its department (null otherwise: the page answers 404). */
export async function getStaffCase(prisma: PrismaClient, actor: TSessionUser, trackingNumber: string) {
  const found = await prisma.application.findUnique({
    where: { trackingNumber },
    include: {
      service: { include: { department: true } },
      applicant: { select: { name: true, email: true, phone: true, accountType: true } },
      assignee: { select: { id: true, name: true } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      attachments: { orderBy: { createdAt: "asc" } },
      rating: true,
    },
  });
  return found && mayWorkCases(actor, found.service.department.code) ? found : null;
}

async function staffCaseOrDeny(
  prisma: PrismaClient,
  actor: TSessionUser,
  trackingNumber: string,
  action: string,
) {
  const found = await prisma.application.findUnique({
    where: { trackingNumber },
    select: { id: true, version: true, service: { select: { department: { select: { code: true } } } } },
  });
  if (!found || !mayWorkCases(actor, found.service.department.code)) {
    await writeAudit(prisma, {
      actorId: actor.id,
      action,
      entityType: "Application",
      entityId: trackingNumber,
      outcome: "DENIED",
    });
    throw new NotFoundError("case");
  }
  return found;
}

/** An internal note on the timeline, never shown to the applicant. */
export async function addInternalNote(
  prisma: PrismaClient,
  input: { actor: TSessionUser; trackingNumber: string; note: string },
) {
  const note = input.note.trim();
  if (!note) throw new FormError("required", "note");
  const found = await staffCaseOrDeny(prisma, input.actor, input.trackingNumber, "case.note");
  await prisma.$transaction(async (tx) => {
    await tx.caseEvent.create({
      data: { applicationId: found.id, actorId: input.actor.id, kind: "note", reason: note, internal: true },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "case.note",
      entityType: "Application",
      entityId: input.trackingNumber,
    });
  });
}

/** Claims a case (assigns it to oneself). */
export async function claimCase(
  prisma: PrismaClient,
  input: { actor: TSessionUser; trackingNumber: string },
) {
  const found = await staffCaseOrDeny(prisma, input.actor, input.trackingNumber, "case.claim");
  await prisma.$transaction(async (tx) => {
    await tx.application.update({ where: { id: found.id }, data: { assigneeId: input.actor.id } });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "case.claim",
      entityType: "Application",
      entityId: input.trackingNumber,
    });
  });
}

/** The supervisor assigns a case to a caseworker of the same department. */
export async function assignCase(
  prisma: PrismaClient,
  input: { actor: TSessionUser; trackingNumber: string; assigneeId: string },
) {
  const found = await prisma.application.findUnique({
    where: { trackingNumber: input.trackingNumber },
    select: { id: true, service: { select: { department: { select: { id: true, code: true } } } } },
  });
  if (!found || !hasRole(input.actor, "SUPERVISOR", found.service.department.code)) {
    await writeAudit(prisma, {
      actorId: input.actor.id,
      action: "case.assign",
      entityType: "Application",
      entityId: input.trackingNumber,
      outcome: "DENIED",
    });
    throw new NotFoundError("case");
  }
  const assignee = await prisma.roleGrant.findFirst({
    where: { userId: input.assigneeId, role: "CASEWORKER", departmentId: found.service.department.id },
  });
  if (!assignee) throw new FormError("assigneeInvalid", "assigneeId");
  await prisma.$transaction(async (tx) => {
    await tx.application.update({ where: { id: found.id }, data: { assigneeId: input.assigneeId } });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "case.assign",
      entityType: "Application",
      entityId: input.trackingNumber,
      detail: { assigneeId: input.assigneeId },
    });
  });
}

/** Caseworkers of a department, for the supervisor's assignment list. */
export async function departmentCaseworkers(prisma: PrismaClient, departmentCode: string) {
  return prisma.user.findMany({
    where: {
      disabled: false,
      grants: { some: { role: "CASEWORKER", department: { code: departmentCode } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export const isCaseStatus = (value: unknown): value is TCaseStatus =>
  typeof value === "string" && (caseStatuses as readonly string[]).includes(value);
