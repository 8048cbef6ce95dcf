import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole } from "../auth/policy";
import { proactiveTable, requestTable } from "./annualReport";
import { isFinishedRequest, type TRequestStatus } from "./requestWorkflow";
import { workingDaysBetween } from "../calendar/workdays";
import { dueSoonWorkingDays } from "../calendar/dueFlag";

/** A request found by 办件编号 + 查询码, with its public timeline only. */
export async function trackRequest(trackingNumber: string, accessCode: string) {
  return (await db()).disclosureRequest.findFirst({
    where: { trackingNumber, accessCode },
    select: {
      trackingNumber: true,
      status: true,
      createdAt: true,
      dueOn: true,
      extendedDueOn: true,
      outcome: true,
      outcomeSub: true,
      letterNumber: true,
      replyText: true,
      legalBasis: true,
      department: { select: { name: true, nameEn: true } },
      events: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, toStatus: true, reason: true, data: true, createdAt: true },
      },
    },
  });
}

/** Departments whose requests the actor handles (officers and supervisors; null = all). */
export function requestDepartments(actor: TSessionUser): string[] | null {
  const officer = departmentScope(actor, "DISCLOSURE_OFFICER");
  const supervisor = departmentScope(actor, "SUPERVISOR");
  if (officer === null || supervisor === null) return null;
  return [...new Set([...officer, ...supervisor])];
}

/** 即将到期 (within two working days) or 已超期, for a request still running. */
export function requestDueFlag(status: string, due: Date | null, today: string): "overdue" | "soon" | null {
  if (
    !due ||
    isFinishedRequest(status as TRequestStatus) ||
    status === "SUBMITTED" ||
    status === "SUPPLEMENT"
  )
    return null;
  const day = due.toISOString().slice(0, 10);
  if (day < today) return "overdue";
  return workingDaysBetween(today, day) <= dueSoonWorkingDays ? "soon" : null;
}

export async function requestQueue(actor: TSessionUser) {
  const departments = requestDepartments(actor);
  if (departments && departments.length === 0) return [];
  return (await db()).disclosureRequest.findMany({
    where: { department: departments ? { code: { in: departments } } : undefined },
    orderBy: [{ dueOn: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: 500,
    select: {
      trackingNumber: true,
      status: true,
      requesterName: true,
      createdAt: true,
      dueOn: true,
      extendedDueOn: true,
      department: { select: { shortName: true } },
    },
  });
}

/** One request for its department's officers and supervisors (null otherwise → 404). */
export async function staffRequest(actor: TSessionUser, trackingNumber: string) {
  const found = await (
    await db()
  ).disclosureRequest.findUnique({
    where: { trackingNumber },
    include: { department: true, events: { orderBy: { createdAt: "asc" }, include: {} } },
  });
  if (!found) return null;
  const code = found.department.code;
  return hasRole(actor, "DISCLOSURE_OFFICER", code) || hasRole(actor, "SUPERVISOR", code) ? found : null;
}

/** The signed-in applicant's own request (ownership in the where clause; anyone else → null → 404). */
export async function ownRequest(actor: TSessionUser, trackingNumber: string) {
  return (await db()).disclosureRequest.findFirst({
    where: { trackingNumber, applicantId: actor.id },
    select: {
      trackingNumber: true,
      accessCode: true,
      status: true,
      version: true,
      // what the workflow table reads to know who acts on the request
      applicantId: true,
      createdAt: true,
      dueOn: true,
      extendedDueOn: true,
      outcome: true,
      outcomeSub: true,
      letterNumber: true,
      replyText: true,
      legalBasis: true,
      department: { select: { code: true, name: true, nameEn: true } },
      attachments: { where: { purpose: "reply" }, select: { id: true, fileName: true, size: true } },
      events: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, toStatus: true, reason: true, data: true, createdAt: true },
      },
    },
  });
}

/** The data of the annual report for a year (whole government). */
export async function annualReport(year: number) {
  const prisma = await db();
  const [requests, proactive] = await Promise.all([
    requestTable(prisma, { year }),
    proactiveTable(prisma, { year }),
  ]);
  return { requests, proactive };
}
