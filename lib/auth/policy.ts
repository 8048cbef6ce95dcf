import type { TSessionUser, TStaffRole } from "./types";

export function isStaff(user: TSessionUser | null | undefined): user is TSessionUser {
  return !!user && user.accountType === "STAFF" && user.grants.length > 0;
}

export function isCitizen(user: TSessionUser | null | undefined): user is TSessionUser {
  return !!user && (user.accountType === "PERSON" || user.accountType === "ORGANISATION");
}

/**
 * True when the user holds the role (or is an administrator) for that department. The
 * department is required: "somewhere" is never enough to act on one department's work.
 */
export function hasRole(
  user: TSessionUser | null | undefined,
  role: TStaffRole,
  departmentCode: string,
): boolean {
  if (!isStaff(user)) return false;
  return user.grants.some(
    (grant) =>
      (grant.role === role || grant.role === "ADMIN") &&
      (grant.department === null || grant.department === departmentCode),
  );
}

/** Department codes the user may act for in a role; null means all departments. */
export function departmentScope(user: TSessionUser, role: TStaffRole): string[] | null {
  const grants = user.grants.filter((grant) => grant.role === role || grant.role === "ADMIN");
  if (grants.some((grant) => grant.department === null)) return null;
  return grants.map((grant) => grant.department as string);
}

/** An administrator of the whole portal (an ADMIN grant for all departments). */
export function isAdministrator(user: TSessionUser | null | undefined): boolean {
  return (
    !!user &&
    user.accountType === "STAFF" &&
    user.grants.some((grant) => grant.role === "ADMIN" && grant.department === null)
  );
}

/** Staff who may work a department's cases: its caseworkers and supervisors (and administrators). */
export function mayWorkCases(actor: TSessionUser, departmentCode: string): boolean {
  return hasRole(actor, "CASEWORKER", departmentCode) || hasRole(actor, "SUPERVISOR", departmentCode);
}
