import type { TSessionUser } from "../auth/types";
import { departmentScope, isAdministrator, isStaff } from "../auth/policy";

/**
 * Whose audit rows a staff member may read: administrators all of them; supervisors the rows
 * about their departments' cases, disclosure requests, documents and notices and about the staff
 * who work there; everyone else none (null).
 */
export function auditReadScope(actor: TSessionUser): "all" | string[] | null {
  if (!isStaff(actor)) return null;
  if (isAdministrator(actor)) return "all";
  const departments = departmentScope(actor, "SUPERVISOR");
  return departments === null ? "all" : departments.length ? departments : null;
}

/** Walking the whole chain costs time proportional to the log: administrators only. */
export function canVerifyAuditChain(actor: TSessionUser): boolean {
  return isAdministrator(actor);
}
