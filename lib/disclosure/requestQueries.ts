import "server-only";
import { ownOrRefused, inScopeOrRefused } from "../audit/refusals";
import { lookUpByAccessCode } from "../throttle/accessCodes";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { departmentScope, hasRole, isCitizen } from "../auth/policy";
import type { TRequestStatus } from "./requestWorkflow";
import { dueFlagOn, type TDueFlag } from "../calendar/dueFlag";
import { chinaDay, workingDaysBetween } from "../calendar/workdays";

/** What an applicant sees of a request: its status, its reply and its public timeline. */
const publicView = {
  trackingNumber: true,
  status: true,
  createdAt: true,
  receivedOn: true,
  dueOn: true,
  extendedDueOn: true,
  dueProvisional: true,
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
} as const;

/**
 * A request found by 办件编号 + 查询码, with its public timeline only. Guesses are limited and
 * audited (lookUpByAccessCode): over the limit this throws TooManyRequestsError.
 */
export async function trackRequest(input: { trackingNumber: string; accessCode: string } & TDbOption) {
  const prisma = await clientOf(input);
  return lookUpByAccessCode({ ...input, db: prisma, entityType: "DisclosureRequest" }, () =>
    prisma.disclosureRequest.findFirst({
      where: { trackingNumber: input.trackingNumber, accessCode: input.accessCode },
      select: publicView,
    }),
  );
}

/** Departments whose requests the actor handles (officers and supervisors; null = all). */
function requestDepartments(actor: TSessionUser): string[] | null {
  const officer = departmentScope(actor, "DISCLOSURE_OFFICER");
  const supervisor = departmentScope(actor, "SUPERVISOR");
  if (officer === null || supervisor === null) return null;
  return [...new Set([...officer, ...supervisor])];
}

/** The office owes a reply by the due date: not before receipt, nor while the applicant corrects, nor once finished. */
const replyOwed: readonly TRequestStatus[] = ["RECEIVED", "PROCESSING", "PAUSED", "FEE_PENDING"];

/** 即将到期 (within two working days) or 已超期, for a request still running. */
export function requestDueFlag(status: TRequestStatus, due: Date | null, today: string): TDueFlag {
  return due && replyOwed.includes(status) ? dueFlagOn(due, today) : null;
}

/** The requests of the actor's departments, nearest deadline first (the first 500). */
export async function requestQueue(input: { actor: TSessionUser } & TDbOption) {
  const departments = requestDepartments(input.actor);
  if (departments && departments.length === 0) return [];
  return (await clientOf(input)).disclosureRequest.findMany({
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
      dueProvisional: true,
      department: { select: { shortName: true } },
    },
  });
}

/** One request for its department's officers and supervisors (null otherwise, the refusal audited → 404). */
export async function staffRequest(input: { actor: TSessionUser; trackingNumber: string } & TDbOption) {
  const found = await (
    await clientOf(input)
  ).disclosureRequest.findUnique({
    where: { trackingNumber: input.trackingNumber },
    include: { department: true, events: { orderBy: { createdAt: "asc" } } },
  });
  const mayRead = (code: string) =>
    hasRole(input.actor, "DISCLOSURE_OFFICER", code) || hasRole(input.actor, "SUPERVISOR", code);
  return inScopeOrRefused(await clientOf(input), found, (r) => mayRead(r.department.code), {
    actorId: input.actor.id,
    action: "request.read",
    entityType: "DisclosureRequest",
    entityId: input.trackingNumber,
  });
}

/** The signed-in applicant's own request (ownership in the where clause; anyone else → null → 404, audited). */
export async function ownRequest(input: { actor: TSessionUser; trackingNumber: string } & TDbOption) {
  const prisma = await clientOf(input);
  const found = await prisma.disclosureRequest.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    select: {
      ...publicView,
      accessCode: true,
      version: true,
      // what the workflow table reads to know who acts on the request
      applicantId: true,
      department: { select: { code: true, name: true, nameEn: true } },
      attachments: { where: { purpose: "reply" }, select: { id: true, fileName: true, size: true } },
    },
  });
  return ownOrRefused(prisma, found, input, {
    table: prisma.disclosureRequest,
    action: "request.read",
    entityType: "DisclosureRequest",
  });
}

/**
 * A signed-in citizen's request form filled from their profile (name, ID number, phone, e-mail;
 * an individual applies as 公民): the form's starting values, every one still editable. Nothing
 * for staff or visitors, and nothing of a closed account.
 */
export async function requestFormDefaults(
  input: { actor: TSessionUser | null } & TDbOption,
): Promise<Record<string, string> | null> {
  if (!isCitizen(input.actor)) return null;
  const user = await (
    await clientOf(input)
  ).user.findFirst({
    where: { id: input.actor.id, closedAt: null },
    select: { name: true, email: true, phone: true, idNumber: true, accountType: true },
  });
  if (!user) return null;
  const values: Record<string, string> = {
    requesterName: user.name,
    email: user.email,
    phone: user.phone ?? "",
    idNumber: user.idNumber ?? "",
  };
  if (user.accountType === "PERSON") values.requesterType = "PERSON";
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
}

/**
 * Still waiting for the office's receipt confirmation more than one working day after it was
 * submitted: the queue and the supervisor's page flag it.
 */
export function isUnconfirmedLate(status: TRequestStatus, submittedAt: Date, today: string): boolean {
  return status === "SUBMITTED" && workingDaysBetween(chinaDay(submittedAt), today) > 1;
}

/** The actor's departments' requests not confirmed a working day after submission, oldest first. */
export async function unconfirmedRequests(input: { actor: TSessionUser; now?: Date } & TDbOption) {
  const departments = requestDepartments(input.actor);
  if (departments && departments.length === 0) return [];
  const today = chinaDay(input.now ?? new Date());
  const rows = await (
    await clientOf(input)
  ).disclosureRequest.findMany({
    where: {
      status: "SUBMITTED",
      department: departments ? { code: { in: departments } } : undefined,
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      trackingNumber: true,
      status: true,
      requesterName: true,
      createdAt: true,
      department: { select: { shortName: true } },
    },
  });
  return rows.filter((row) => isUnconfirmedLate(row.status, row.createdAt, today));
}
