/**
 * Whether staff must give a second factor: STAFF_MFA=required (the default, and always outside
 * development) or `optional`, where staff who have not enrolled sign in with the password alone.
 */
export type TStaffMfa = "required" | "optional";

export function staffMfaMode(env: Record<string, string | undefined> = process.env): TStaffMfa {
  return env.STAFF_MFA === "optional" && env.NODE_ENV !== "production" ? "optional" : "required";
}
