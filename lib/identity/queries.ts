import "server-only";
import { assuranceOf, type TAssuranceLevel } from "./assurance";

/** 公民身份号码 or 统一社会信用代码 with its middle hidden: 5101**********1237. */
export function maskedIdNumber(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** What of the account's row its identity view needs (see identityView). */
export const identitySelect = {
  mobileVerifiedAt: true,
  realNameVerifiedAt: true,
  verifiedName: true,
  verifiedIdNumber: true,
  agentName: true,
  _count: { select: { identities: { where: { portal: "public" as const } } } },
};

type TIdentityRow = {
  mobileVerifiedAt: Date | null;
  realNameVerifiedAt: Date | null;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  agentName: string | null;
  _count: { identities: number };
};

/** What the account page shows of the account's identity: its level and what the platform vouched for. */
export function identityView(user: TIdentityRow): {
  level: TAssuranceLevel;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  agentName: string | null;
  linked: boolean;
} {
  return {
    level: assuranceOf(user),
    verifiedName: user.verifiedName,
    verifiedIdNumber: user.verifiedIdNumber && maskedIdNumber(user.verifiedIdNumber),
    agentName: user.agentName,
    linked: user._count.identities > 0,
  };
}
