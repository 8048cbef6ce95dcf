import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { addWorkingDays, chinaDay } from "../calendar/workdays";
import { dueFlag, dueSoonWorkingDays } from "./deadlines";
import { departmentCaseworkers, getStaffCase, listQueue, type TQueueFilter } from "./staffCases";
import { listFollowUps } from "./followUp";
import { caseFigures } from "./figures";
import { departmentScope } from "../auth/policy";

/**
 * A case found by 办件编号 and 查询码, with its public timeline only (no internal notes).
 * A wrong code finds nothing, exactly like a wrong number.
 */
export async function trackCase(trackingNumber: string, accessCode: string) {
  const found = await (
    await db()
  ).application.findFirst({
    where: { trackingNumber, accessCode },
    select: {
      trackingNumber: true,
      status: true,
      submittedAt: true,
      promisedDue: true,
      dueProvisional: true,
      service: { select: { code: true, name: true, nameEn: true } },
      events: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, toStatus: true, reason: true, data: true, createdAt: true },
      },
    },
  });
  return found;
}

/** The staff queue, with due-soon and overdue computed on the Chinese working-day calendar. */
export async function staffQueue(actor: TSessionUser, filter: TQueueFilter) {
  const today = chinaDay(new Date());
  const rows = await listQueue(
    await db(),
    actor,
    filter,
    today,
    addWorkingDays(today, dueSoonWorkingDays).due,
  );
  return rows.map((row) => ({ ...row, flag: dueFlag(row.status, row.promisedDue, today) }));
}

export async function staffCase(actor: TSessionUser, trackingNumber: string) {
  return getStaffCase(await db(), actor, trackingNumber);
}

/** Open 差评 follow-ups in the supervisor's departments. */
export async function supervisorFollowUps(actor: TSessionUser) {
  return listFollowUps(await db(), departmentScope(actor, "SUPERVISOR"));
}

export async function supervisorFigures(actor: TSessionUser) {
  return caseFigures(await db(), actor);
}

export async function caseworkersOf(departmentCode: string) {
  return departmentCaseworkers(await db(), departmentCode);
}
