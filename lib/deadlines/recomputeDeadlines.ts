import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { getCalendarOverrides } from "../settings/queries";
import { computeClock, type TClockEvent } from "../disclosure/clock";
import { caseDeadlines, runningStatuses } from "../cases/deadlines";
import { calendarVersionOf, chinaDay } from "../calendar/workdays";

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);
const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
/** A request whose clock is still the office's to keep. */
const openRequest = ["RECEIVED", "SUPPLEMENT", "PROCESSING", "PAUSED", "FEE_PENDING"] as const;

type TTx = Prisma.TransactionClient;

/** What a recomputed deadline writes besides its dates. */
type TStamp = { dueProvisional: boolean; calendarVersion: string; version: { increment: number } };

/** Where a request's or a case's recomputed deadlines go: its row, its timeline, and its audit names. */
type TDeadlineOwner<TColumn extends string> = {
  entityType: string;
  action: string;
  update: (
    tx: TTx,
    where: { id: string; version: number },
    data: Record<TColumn, Date | null> & TStamp,
  ) => Promise<{ count: number }>;
  event: (
    tx: TTx,
    id: string,
    event: { actorId: string | null; kind: string; data: Prisma.InputJsonValue },
  ) => Promise<unknown>;
};

const requestOwner: TDeadlineOwner<"dueOn" | "extendedDueOn"> = {
  entityType: "DisclosureRequest",
  action: "disclosure.deadlineRecomputed",
  update: (tx, where, data) => tx.disclosureRequest.updateMany({ where, data }),
  event: (tx, requestId, event) => tx.disclosureEvent.create({ data: { requestId, ...event } }),
};

const caseOwner: TDeadlineOwner<"promisedDue" | "statutoryDue"> = {
  entityType: "Application",
  action: "case.deadlineRecomputed",
  update: (tx, where, data) => tx.application.updateMany({ where, data }),
  event: (tx, applicationId, event) => tx.caseEvent.create({ data: { applicationId, ...event } }),
};

/**
 * Writes one request's or case's recomputed deadlines (`to`, by column, against `from` as stored)
 * with the provisional mark and calendar version, guarded on the version it was read at, with its
 * timeline event and audit entry in one transaction. False when there is nothing to write (still
 * provisional, no date moved) or someone took a step meanwhile: that step recomputed it itself.
 */
async function saveRecomputed<TColumn extends string>(
  prisma: PrismaClient,
  owner: TDeadlineOwner<TColumn>,
  entity: { id: string; version: number; trackingNumber: string },
  change: {
    from: Record<TColumn, string | null>;
    to: Record<TColumn, string | null>;
    provisional: boolean;
    calendarVersion: string;
    actorId: string | null;
  },
): Promise<boolean> {
  const { from, to, provisional, calendarVersion, actorId } = change;
  const columns = Object.keys(to) as TColumn[];
  if (provisional && columns.every((column) => from[column] === to[column])) return false;
  const detail = { from, to, provisional, calendarVersion };
  const dates = Object.fromEntries(columns.map((column) => [column, asDate(to[column])]));
  return prisma.$transaction(async (tx) => {
    const updated = await owner.update(
      tx,
      { id: entity.id, version: entity.version },
      {
        ...(dates as Record<TColumn, Date | null>),
        dueProvisional: provisional,
        calendarVersion,
        version: { increment: 1 },
      },
    );
    if (updated.count === 0) return false;
    await owner.event(tx, entity.id, { actorId, kind: "deadlineRecomputed", data: detail });
    await writeAudit(tx, {
      actorId,
      action: owner.action,
      entityType: owner.entityType,
      entityId: entity.trackingNumber,
      detail,
    });
    return true;
  });
}

/**
 * Recomputes every open deadline that was computed on a provisional calendar (a year the
 * calendar package had no data for), now that the calendar may know more: a new `chinese-days`
 * release or an administrator's override. Each deadline that changes — its date, or only its
 * provisional mark — is written with its calendar version, and the change is recorded on the
 * request or case (the applicant sees it on the timeline) and in the audit log. Idempotent:
 * run on start and after each calendar override.
 */
export async function recomputeProvisionalDeadlines(
  input: { now?: Date; actorId?: string | null } & TDbOption = {},
): Promise<{ requests: number; cases: number }> {
  const prisma = await clientOf(input);
  const calendar = await getCalendarOverrides({ db: prisma });
  const today = chinaDay(input.now ?? new Date());
  const stamp = { calendarVersion: calendarVersionOf(calendar), actorId: input.actorId ?? null };
  let requests = 0;
  let cases = 0;

  const provisionalRequests = await prisma.disclosureRequest.findMany({
    where: { dueProvisional: true, status: { in: [...openRequest] } },
    select: {
      id: true,
      trackingNumber: true,
      version: true,
      status: true,
      dueOn: true,
      extendedDueOn: true,
      events: { orderBy: { createdAt: "asc" }, select: { data: true } },
    },
  });
  for (const request of provisionalRequests) {
    const events = request.events
      .map((e) => (e.data as { clock?: TClockEvent } | null)?.clock)
      .filter((e): e is TClockEvent => !!e);
    const clock = computeClock(events, today, calendar);
    const changed = await saveRecomputed(prisma, requestOwner, request, {
      from: { dueOn: dayOf(request.dueOn), extendedDueOn: dayOf(request.extendedDueOn) },
      to: { dueOn: clock.firstDue, extendedDueOn: clock.extensionDays ? clock.due : null },
      provisional: clock.provisional,
      ...stamp,
    });
    if (changed) requests++;
  }

  const provisionalCases = await prisma.application.findMany({
    where: { dueProvisional: true, status: { in: [...runningStatuses] }, acceptedAt: { not: null } },
    select: {
      id: true,
      trackingNumber: true,
      version: true,
      acceptedAt: true,
      promisedDue: true,
      statutoryDue: true,
      service: { select: { promisedDays: true, statutoryDays: true, statutoryDayCount: true } },
    },
  });
  for (const found of provisionalCases) {
    const next = caseDeadlines(chinaDay(found.acceptedAt!), found.service, calendar);
    const changed = await saveRecomputed(prisma, caseOwner, found, {
      from: { promisedDue: dayOf(found.promisedDue), statutoryDue: dayOf(found.statutoryDue) },
      to: { promisedDue: next.promised.due, statutoryDue: next.statutory?.due ?? null },
      provisional: next.provisional,
      ...stamp,
    });
    if (changed) cases++;
  }
  return { requests, cases };
}
