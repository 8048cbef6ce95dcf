export type TStaffRole =
  "CASEWORKER" | "DISCLOSURE_OFFICER" | "EDITOR" | "SUPERVISOR" | "ADMIN" | "LETTER_HANDLER";
type TAccountType = "PERSON" | "ORGANISATION" | "STAFF";

/** A staff role in one department (by code) or, with department null, in all. */
export type TGrant = { role: TStaffRole; department: string | null };

/** What the session carries about the signed-in user. */
export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  accountType: TAccountType;
  grants: TGrant[];
};

/** Which sign-in page a user came through: citizens and staff have separate doors. */
export type TPortal = "public" | "staff";
