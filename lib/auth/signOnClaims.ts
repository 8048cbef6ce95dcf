import { z } from "zod";
import { isValidCreditCode, isValidIdCardNumber, isValidMobile } from "../shared/checksums";

/**
 * The identity platform's own assurance claim → whether it vouches for a real name: L1 is an
 * account the platform has not checked; L2 (checked against the resident ID database) and L3
 * (with a face check) are real-name identities.
 */
export function platformVouchesRealName(claim: string | undefined): boolean {
  return claim === "L2" || claim === "L3";
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** What the identity platform's ID token says (unknown claims are ignored; a malformed one refuses). */
export const ZPlatformClaims = z.object({
  sub: text(255),
  name: text(100).optional(),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  email_verified: z.boolean().optional(),
  phone_number: z.string().max(20).optional(),
  phone_number_verified: z.boolean().optional(),
  account_type: z.enum(["person", "organisation"]).optional(),
  id_number: z.string().trim().toUpperCase().max(18).optional(),
  credit_code: z.string().trim().toUpperCase().max(18).optional(),
  agent_name: text(100).optional(),
  agent_id_number: z.string().trim().toUpperCase().max(18).optional(),
  assurance_level: z.string().max(10).optional(),
  amr: z.array(z.string().max(20)).max(10).optional(),
  acr: z.string().max(100).optional(),
});
type TPlatformClaims = z.infer<typeof ZPlatformClaims>;

/** An identity as the portal keeps it on the account. */
export type TPlatformIdentity = {
  subject: string;
  name: string | null;
  /** only an address the platform says it checked */
  email: string | null;
  /** only a number the platform says it checked */
  mobile: string | null;
  accountType: "PERSON" | "ORGANISATION";
  /** 公民身份号码 of a person or 统一社会信用代码 of an organisation, when its check digit is right */
  idNumber: string | null;
  agentName: string | null;
  agentIdNumber: string | null;
  assurance: string | null;
  /** the platform vouches for the name and number (assurance L2 or above, both present) */
  realName: boolean;
  /** the person gave more than one factor at the platform (RFC 8176 `mfa`, `otp`, `hwk`, …) */
  multiFactor: boolean;
};

const multiFactorMethods = ["mfa", "otp", "hwk", "sc", "swk"];

/** The platform's claims as the portal keeps them, or null when they are not usable. */
export function identityFromClaims(raw: unknown): TPlatformIdentity | null {
  const parsed = ZPlatformClaims.safeParse(raw);
  if (!parsed.success) return null;
  const c: TPlatformClaims = parsed.data;
  const organisation = c.account_type === "organisation";
  const number = organisation ? c.credit_code : c.id_number;
  const idNumber =
    number && (organisation ? isValidCreditCode(number) : isValidIdCardNumber(number)) ? number : null;
  const agentIdNumber =
    c.agent_id_number && isValidIdCardNumber(c.agent_id_number) ? c.agent_id_number : null;
  const name = c.name ?? null;
  return {
    subject: c.sub,
    name,
    email: c.email && c.email_verified ? c.email : null,
    mobile:
      c.phone_number && c.phone_number_verified && isValidMobile(c.phone_number) ? c.phone_number : null,
    accountType: organisation ? "ORGANISATION" : "PERSON",
    idNumber,
    agentName: organisation ? (c.agent_name ?? null) : null,
    agentIdNumber: organisation ? agentIdNumber : null,
    assurance: c.assurance_level ?? null,
    realName: platformVouchesRealName(c.assurance_level) && !!name && !!idNumber,
    multiFactor: (c.amr ?? []).some((method) => multiFactorMethods.includes(method)),
  };
}

/** The refusals a sign-on can come back with (errors-namespace keys), for the pages that show them. */
export const signOnErrorKeys = [
  "signOnClaimsInvalid",
  "signOnEmailTaken",
  "signOnLinkedElsewhere",
  "signOnOtherIdentity",
  "signOnAccountUnavailable",
  "signOnStaffUnknown",
  "signOnStaffSecondFactor",
  "signOnExpired",
  "signOnUnavailable",
] as const;

/** A refusal named in the address, when it is one of ours (anything else is ignored). */
export function signOnErrorKey(value: unknown): (typeof signOnErrorKeys)[number] | null {
  return signOnErrorKeys.find((key) => key === value) ?? null;
}
