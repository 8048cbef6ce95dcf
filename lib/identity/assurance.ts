/**
 * How sure the portal is of who an account belongs to, lowest first: an e-mail address that was
 * confirmed (REGISTERED), a mobile number confirmed with an SMS code (PHONE_VERIFIED), a real-name
 * identity the unified identity platform vouched for (REAL_NAME). Worked out from the account's
 * own facts rather than stored, so it can never disagree with them.
 */
export const assuranceLevels = ["REGISTERED", "PHONE_VERIFIED", "REAL_NAME"] as const;
export type TAssuranceLevel = (typeof assuranceLevels)[number];

type TAssuranceFacts = { mobileVerifiedAt: Date | null; realNameVerifiedAt: Date | null };

export function assuranceOf(facts: TAssuranceFacts): TAssuranceLevel {
  if (facts.realNameVerifiedAt) return "REAL_NAME";
  if (facts.mobileVerifiedAt) return "PHONE_VERIFIED";
  return "REGISTERED";
}

/** Whether an account at `level` reaches `required`. */
export function reaches(level: TAssuranceLevel, required: TAssuranceLevel): boolean {
  return assuranceLevels.indexOf(level) >= assuranceLevels.indexOf(required);
}
