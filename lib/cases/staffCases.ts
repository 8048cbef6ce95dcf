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
import { readPage } from "../shared/paging";

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

/** The queue's where clause and the services it walks, for the actor and the filter. */
async function queueScope(
  prisma: PrismaClient,
  input: { actor: TSessionUser; filter: Partial<TQueueFilter>; now?: Date },
) {
  const { actor, filter } = input;
  const departments = caseDepartments(actor);
  const today = chinaDay(input.now ?? new Date());
  if (departments && departments.length === 0) return { today, where: null, serviceIds: [] };
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
  const services = await prisma.service.findMany({
    where: {
      ...(departments ? { department: { code: { in: departments } } } : {}),
      ...(filter.service ? { code: filter.service } : {}),
    },
    select: { id: true },
  });
  return { today, where, serviceIds: services.map((service) => service.id) };
}

/**
 * The first `take` cases in queue order: the first `take` of each service (each an ordered walk of
 * the index on service, promised date, submission), merged. One query over the departments' cases
 * sorted all of them before taking 500 (1.5 s at 200,000 cases on PostgreSQL; 36 ms this way).
 */
async function queueHeads(
  prisma: PrismaClient,
  where: Prisma.ApplicationWhereInput,
  serviceIds: string[],
  take: number,
): Promise<THead[]> {
  const order: Prisma.ApplicationOrderByWithRelationInput[] = [
    { promisedDue: { sort: "asc", nulls: "last" } },
    { submittedAt: "asc" },
  ];
  return (
    await Promise.all(
      serviceIds.map((serviceId) =>
        prisma.application.findMany({
          where: { ...where, serviceId },
          orderBy: order,
          take,
          select: { id: true, promisedDue: true, submittedAt: true },
        }),
      ),
    )
  )
    .flat()
    .sort(queueOrder)
    .slice(0, take);
}

/** The queue's columns for the cases of `heads`, in that order, each flagged due soon or overdue. */
async function queueRows(prisma: PrismaClient, heads: THead[], today: string) {
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

/**
 * The queue of the actor's departments: open cases unless the filter asks for closed ones (or one
 * status), earliest promised date first, unaccepted cases after them by age, each marked due soon
 * or overdue on the Chinese working-day calendar. The first 500 (the CSV export).
 */
export async function listQueue(
  input: { actor: TSessionUser; filter: Partial<TQueueFilter>; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { today, where, serviceIds } = await queueScope(prisma, input);
  if (!where) return [];
  return queueRows(prisma, await queueHeads(prisma, where, serviceIds, queueLength), today);
}

/** Cases on a page of the workbench's queue. */
export const queuePageSize = 50;
/** The workbench counts its queue no further than this many pages past the one shown. */
const queuePagesAhead = 10;
/** and pages no further than this (5,000 cases): past it the filters narrow the list */
export const queueMaxPage = 100;

/**
 * One page of the queue (listQueue's cases and order), 50 to a page, for the workbench. The count
 * stops ten pages past the page shown (`more`: there are more), as the 500 rows the page used to
 * print (2.4 MB; 2.4 req/s at the bench's volume, issue 13) told no more than that either; no page
 * past the hundredth is read (`capped`: the list goes on past it).
 */
export async function queuePage(
  input: { actor: TSessionUser; filter: Partial<TQueueFilter>; page?: number; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { today, where, serviceIds } = await queueScope(prisma, input);
  const { total, page, rows, more, capped } = await readPage({
    size: queuePageSize,
    requested: input.page,
    pagesAhead: queuePagesAhead,
    maxPage: queueMaxPage,
    count: async (limit) =>
      where && serviceIds.length
        ? // a walk of the (service, status) index that stops at the limit: 17 ms for 551 of the
          // department's 10,000 open cases, where count({ take }), ordered by id, took 172 ms
          (
            await prisma.application.findMany({
              where: { ...where, serviceId: { in: serviceIds } },
              orderBy: [{ serviceId: "asc" }, { status: "asc" }],
              take: limit,
              select: { serviceId: true },
            })
          ).length
        : Promise.resolve(0),
    rows: async ({ skip, take }) =>
      where && serviceIds.length
        ? queueRows(prisma, (await queueHeads(prisma, where, serviceIds, skip + take)).slice(skip), today)
        : [],
  });
  // how many cases the pages reach, when the list goes on past them
  const listedUpTo = capped ? queueMaxPage * queuePageSize : null;
  return { rows, page: page.page, pages: page.pages, total, more, listedUpTo };
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
