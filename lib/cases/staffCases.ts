import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { caseHeadlineSelect } from "./caseHeadline";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole, mayWorkCases } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound, inScopeOrDenied, inScopeOrRefused } from "../audit/refusals";
import { addWorkingDays, chinaDay } from "../calendar/workdays";
import { dueSoonWorkingDays } from "../calendar/dueFlag";
import { FormError } from "../shared/errors";
import { queueStatuses, type TQueueFilter } from "./queueFilter";
import { dueFlag, runningStatuses } from "./deadlines";

/** Departments whose cases the actor works: caseworker and supervisor grants; null = all. */
function caseDepartments(actor: TSessionUser): string[] | null {
  const caseworker = departmentScope(actor, "CASEWORKER");
  const supervisor = departmentScope(actor, "SUPERVISOR");
  if (caseworker === null || supervisor === null) return null;
  return [...new Set([...caseworker, ...supervisor])];
}

/** How many cases the queue shows. */
const queueLength = 500;

type THead = { id: string; promisedDue: Date | null; submittedAt: Date };

/** Queue order: earliest promised date first (none last), then the oldest submission. */
function queueOrder(a: THead, b: THead): number {
  const due = (a.promisedDue?.getTime() ?? Infinity) - (b.promisedDue?.getTime() ?? Infinity);
  if (due) return due;
  const submitted = a.submittedAt.getTime() - b.submittedAt.getTime();
  return submitted || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The queue of the actor's departments: open cases unless the filter asks for closed ones (or one
 * status), earliest promised date first, unaccepted cases after them by age, each marked due soon
 * or overdue on the Chinese working-day calendar.
 */
export async function listQueue(
  input: { actor: TSessionUser; filter: Partial<TQueueFilter>; now?: Date } & TDbOption,
) {
  const { actor, filter } = input;
  const departments = caseDepartments(actor);
  if (departments && departments.length === 0) return [];
  const today = chinaDay(input.now ?? new Date());
  const filterWithShow = { show: "open" as const, ...filter };
  const where: Prisma.ApplicationWhereInput = {};
  const statuses = queueStatuses(filterWithShow);
  where.status = { in: statuses };
  if (filter.mine) where.assigneeId = actor.id;
  if (filter.due) {
    const soonUntil = addWorkingDays(today, dueSoonWorkingDays).due;
    where.status = { in: statuses.filter((s) => (runningStatuses as readonly string[]).includes(s)) };
    where.promisedDue =
      filter.due === "overdue"
        ? { lt: new Date(`${today}T00:00:00Z`) }
        : { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${soonUntil}T00:00:00Z`) };
  }
  const prisma = await clientOf(input);
  const services = await prisma.service.findMany({
    where: {
      ...(departments ? { department: { code: { in: departments } } } : {}),
      ...(filter.service ? { code: filter.service } : {}),
    },
    select: { id: true },
  });
  // The first 500 of each service in queue order (each an ordered walk of the index on service,
  // promised date, submission), merged: one query over the departments' cases sorted all of
  // them before taking 500 (1.5 s at 200,000 cases on PostgreSQL; 36 ms this way).
  const order: Prisma.ApplicationOrderByWithRelationInput[] = [
    { promisedDue: { sort: "asc", nulls: "last" } },
    { submittedAt: "asc" },
  ];
  const heads = (
    await Promise.all(
      services.map((service) =>
        prisma.application.findMany({
          where: { ...where, serviceId: service.id },
          orderBy: order,
          take: queueLength,
          select: { id: true, promisedDue: true, submittedAt: true },
        }),
      ),
    )
  )
    .flat()
    .sort(queueOrder)
    .slice(0, queueLength);
  const byId = new Map(
    (
      await prisma.application.findMany({
        where: { id: { in: heads.map((head) => head.id) } },
        select: {
          ...caseHeadlineSelect,
          id: true,
          service: { select: { code: true, name: true } },
          applicant: { select: { name: true, closedAt: true } },
          assignee: { select: { name: true } },
        },
      })
    ).map((row) => [row.id, row]),
  );
  const rows = heads.flatMap((head) => byId.get(head.id) ?? []);
  return rows.map((row) => ({ ...row, flag: dueFlag(row.status, row.promisedDue, today) }));
}

/** One case for staff of its department (null otherwise, the refusal audited: the page answers 404). */
export async function getStaffCase(input: { actor: TSessionUser; trackingNumber: string } & TDbOption) {
  const found = await (
    await clientOf(input)
  ).application.findUnique({
    where: { trackingNumber: input.trackingNumber },
    include: {
      service: { include: { department: true } },
      applicant: { select: { name: true, email: true, phone: true, accountType: true, closedAt: true } },
      assignee: { select: { id: true, name: true } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      attachments: { orderBy: { createdAt: "asc" } },
      rating: true,
      resultDocument: { select: { issuedAt: true } },
    },
  });
  return inScopeOrRefused(
    await clientOf(input),
    found,
    (c) => mayWorkCases(input.actor, c.service.department.code),
    {
      actorId: input.actor.id,
      action: "case.read",
      entityType: "Application",
      entityId: input.trackingNumber,
    },
  );
}

/** The case if the actor works its department; otherwise the refusal is audited and it is "not found". */
export async function staffCaseOrDeny(
  prisma: PrismaClient,
  actor: TSessionUser,
  trackingNumber: string,
  action: string,
) {
  const found = await prisma.application.findUnique({
    where: { trackingNumber },
    select: { id: true, version: true, service: { select: { department: { select: { code: true } } } } },
  });
  return inScopeOrDenied(prisma, found, (c) => mayWorkCases(actor, c.service.department.code), {
    actorId: actor.id,
    action,
    entityType: "Application",
    entityId: trackingNumber,
  });
}

/** An internal note on the timeline, never shown to the applicant. */
export async function addInternalNote(
  input: { actor: TSessionUser; trackingNumber: string; note: string } & TDbOption,
) {
  const note = input.note.trim();
  if (!note) throw new FormError("required", "note");
  const prisma = await clientOf(input);
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
export async function claimCase(input: { actor: TSessionUser; trackingNumber: string } & TDbOption) {
  const prisma = await clientOf(input);
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
  input: { actor: TSessionUser; trackingNumber: string; assigneeId: string } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await prisma.application.findUnique({
    where: { trackingNumber: input.trackingNumber },
    select: { id: true, service: { select: { department: { select: { id: true, code: true } } } } },
  });
  if (!found || !hasRole(input.actor, "SUPERVISOR", found.service.department.code)) {
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "case.assign",
      entityType: "Application",
      entityId: input.trackingNumber,
    });
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

/** Caseworkers of a department, for its supervisor's assignment list (nobody else's). */
export async function departmentCaseworkers(
  input: { actor: TSessionUser; departmentCode: string } & TDbOption,
) {
  if (!hasRole(input.actor, "SUPERVISOR", input.departmentCode)) return [];
  return (await clientOf(input)).user.findMany({
    where: {
      disabled: false,
      grants: { some: { role: "CASEWORKER", department: { code: input.departmentCode } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
