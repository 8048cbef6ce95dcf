import "server-only";
import { deniedAsNotFound } from "../audit/refusals";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope } from "../auth/policy";
import { chinaDay, workingDaysBetween } from "../calendar/workdays";
import { caseStatuses, type TCaseStatus } from "./caseWorkflow";
import { runningStatuses } from "./deadlines";

type TFigures = {
  byStatus: Record<TCaseStatus, number>;
  /** finished (办结) cases with a promised date */
  decided: number;
  onTime: number;
  /** share of finished (办结) cases finished by their promised date, 0–1; null when none */
  onTimeRate: number | null;
  /** mean working days from 受理 to 决定; null when none decided */
  averageDaysToDecide: number | null;
  ratings: Record<1 | 2 | 3 | 4 | 5, number>;
  overdue: { trackingNumber: string; serviceName: string; promisedDue: Date; status: TCaseStatus }[];
};

/** The supervisor's figures for their departments (administrators: all). */
export async function caseFigures(input: { actor: TSessionUser; now?: Date } & TDbOption): Promise<TFigures> {
  const departments = departmentScope(input.actor, "SUPERVISOR");
  const prisma = await clientOf(input);
  if (departments && departments.length === 0)
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "figures.read",
      entityType: "Figures",
    });
  const inScope = departments ? { service: { department: { code: { in: departments } } } } : {};
  const today = chinaDay(input.now ?? new Date());
  const [statusRows, decidedRows, ratingRows, overdueRows] = await Promise.all([
    prisma.application.groupBy({ by: ["status"], where: inScope, _count: { _all: true } }),
    prisma.application.findMany({
      where: { ...inScope, decidedAt: { not: null }, acceptedAt: { not: null } },
      select: { acceptedAt: true, decidedAt: true, completedAt: true, promisedDue: true },
    }),
    prisma.rating.groupBy({ by: ["level"], where: { application: inScope }, _count: { _all: true } }),
    prisma.application.findMany({
      where: {
        ...inScope,
        status: { in: [...runningStatuses] },
        promisedDue: { lt: new Date(`${today}T00:00:00Z`) },
      },
      orderBy: { promisedDue: "asc" },
      take: 100,
      select: { trackingNumber: true, status: true, promisedDue: true, service: { select: { name: true } } },
    }),
  ]);
  const byStatus = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<TCaseStatus, number>;
  for (const row of statusRows) byStatus[row.status] = row._count._all;
  // 承诺办结时限 is the date for 办结: a case is on time when it was completed by then
  const finished = decidedRows.filter((r) => r.completedAt && r.promisedDue);
  const onTime = finished.filter(
    (r) => chinaDay(r.completedAt!) <= r.promisedDue!.toISOString().slice(0, 10),
  ).length;
  const days = decidedRows.map((r) => workingDaysBetween(chinaDay(r.acceptedAt!), chinaDay(r.decidedAt!)));
  const ratings = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as TFigures["ratings"];
  for (const row of ratingRows) ratings[row.level as 1 | 2 | 3 | 4 | 5] = row._count._all;
  return {
    byStatus,
    decided: finished.length,
    onTime,
    onTimeRate: finished.length ? onTime / finished.length : null,
    averageDaysToDecide: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
    ratings,
    overdue: overdueRows.map((r) => ({
      trackingNumber: r.trackingNumber,
      status: r.status,
      promisedDue: r.promisedDue!,
      serviceName: r.service.name,
    })),
  };
}
