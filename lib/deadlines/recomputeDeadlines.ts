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

/**
 * Writes one request's or case's recomputed deadlines, guarded on the version it was read at, with
 * its timeline event and audit entry in one transaction. False when someone took a step meanwhile:
 * that step recomputed the deadline itself.
 */
async function saveRecomputed(
  prisma: PrismaClient,
  change: {
    update: (tx: Prisma.TransactionClient) => Promise<{ count: number }>;
    event: (tx: Prisma.TransactionClient, data: Prisma.InputJsonValue) => Promise<unknown>;
    audit: { actorId: string | null; action: string; entityType: string; entityId: string };
    detail: object;
  },
): Promise<boolean> {
  const detail = change.detail as Prisma.InputJsonValue;
  return prisma.$transaction(async (tx) => {
    if ((await change.update(tx)).count === 0) return false;
    await change.event(tx, detail);
    await writeAudit(tx, { ...change.audit, detail });
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
  const version = calendarVersionOf(calendar);
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
    const from = { dueOn: dayOf(request.dueOn), extendedDueOn: dayOf(request.extendedDueOn) };
    const to = { dueOn: clock.firstDue, extendedDueOn: clock.extensionDays ? clock.due : null };
    if (clock.provisional && from.dueOn === to.dueOn && from.extendedDueOn === to.extendedDueOn) continue;
    const detail = { from, to, provisional: clock.provisional, calendarVersion: version };
    const changed = await saveRecomputed(prisma, {
      update: (tx) =>
        tx.disclosureRequest.updateMany({
          where: { id: request.id, version: request.version },
          data: {
            dueOn: asDate(to.dueOn),
            extendedDueOn: asDate(to.extendedDueOn),
            dueProvisional: clock.provisional,
            calendarVersion: version,
            version: { increment: 1 },
          },
        }),
      event: (tx, data) =>
        tx.disclosureEvent.create({
          data: { requestId: request.id, actorId: input.actorId ?? null, kind: "deadlineRecomputed", data },
        }),
      audit: {
        actorId: input.actorId ?? null,
        action: "disclosure.deadlineRecomputed",
        entityType: "DisclosureRequest",
        entityId: request.trackingNumber,
      },
      detail,
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
    const from = { promisedDue: dayOf(found.promisedDue), statutoryDue: dayOf(found.statutoryDue) };
    const to = { promisedDue: next.promised.due, statutoryDue: next.statutory?.due ?? null };
    if (next.provisional && from.promisedDue === to.promisedDue && from.statutoryDue === to.statutoryDue)
      continue;
    const detail = { from, to, provisional: next.provisional, calendarVersion: version };
    const changed = await saveRecomputed(prisma, {
      update: (tx) =>
        tx.application.updateMany({
          where: { id: found.id, version: found.version },
          data: {
            promisedDue: asDate(to.promisedDue),
            statutoryDue: asDate(to.statutoryDue),
            dueProvisional: next.provisional,
            calendarVersion: version,
            version: { increment: 1 },
          },
        }),
      event: (tx, data) =>
        tx.caseEvent.create({
          data: { applicationId: found.id, actorId: input.actorId ?? null, kind: "deadlineRecomputed", data },
        }),
      audit: {
        actorId: input.actorId ?? null,
        action: "case.deadlineRecomputed",
        entityType: "Application",
        entityId: found.trackingNumber,
      },
      detail,
    });
    if (changed) cases++;
  }
  return { requests, cases };
}
