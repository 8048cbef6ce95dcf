import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { assuranceOf, type TAssuranceLevel } from "./assurance";

/** 公民身份号码 or 统一社会信用代码 with its middle hidden: 5101**********1237. */
export function maskedIdNumber(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** What the account page shows of the account's identity: its level and what the platform vouched for. */
export async function accountIdentity(input: { actor: TSessionUser } & TDbOption): Promise<{
  level: TAssuranceLevel;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  agentName: string | null;
  linked: boolean;
}> {
  const prisma = await clientOf(input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: {
      mobileVerifiedAt: true,
      realNameVerifiedAt: true,
      verifiedName: true,
      verifiedIdNumber: true,
      agentName: true,
      _count: { select: { identities: { where: { portal: "public" } } } },
    },
  });
  return {
    level: assuranceOf(user),
    verifiedName: user.verifiedName,
    verifiedIdNumber: user.verifiedIdNumber && maskedIdNumber(user.verifiedIdNumber),
    agentName: user.agentName,
    linked: user._count.identities > 0,
  };
}
