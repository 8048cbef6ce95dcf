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

/**
 * Who handles a mailbox: its department's 信件办理员, caseworkers and supervisors. The 市长信箱 is
 * the city's office's: a 信件办理员 for the whole city (no department) and the administrators —
 * who, like a city-wide grant, may act on every department's letters.
 */
export function handlesMailbox(actor: TSessionUser, department: { code: string } | null): boolean {
  if (!department) return isAdministrator(actor) || cityWide(actor, "LETTER_HANDLER");
  return (
    hasRole(actor, "LETTER_HANDLER", department.code) ||
    hasRole(actor, "CASEWORKER", department.code) ||
    hasRole(actor, "SUPERVISOR", department.code)
  );
}

/** Who signs off a mailbox's replies and decides its extensions: its department's supervisors (the city's for the 市长信箱). */
export function supervisesMailbox(actor: TSessionUser, department: { code: string } | null): boolean {
  if (!department) return isAdministrator(actor) || cityWide(actor, "SUPERVISOR");
  return hasRole(actor, "SUPERVISOR", department.code);
}

const cityWide = (actor: TSessionUser, role: "LETTER_HANDLER" | "SUPERVISOR") =>
  isStaff(actor) && actor.grants.some((g) => g.role === role && g.department === null);
