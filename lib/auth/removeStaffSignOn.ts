import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { recordRefusal } from "../audit/refusals";
import { NotFoundError } from "../shared/errors";
import { isAdministrator } from "./policy";
import type { TSessionUser } from "./types";

/**
 * An administrator removes a staff account's link to the government sign-on: that subject (or
 * pre-registered e-mail) no longer signs the account on; its sessions are left to the usual
 * controls. Audited; anyone else, or a link that is not a staff one, is refused (audited) as not found.
 */
export async function removeStaffSignOn(
  input: { actor: TSessionUser; identityId: string } & TDbOption,
): Promise<{ userId: string }> {
  const prisma = await clientOf(input);
  const identity = await prisma.userIdentity.findFirst({
    where: { id: input.identityId, portal: "staff" },
    select: { id: true, userId: true, issuer: true, subject: true, email: true },
  });
  if (!isAdministrator(input.actor) || !identity) {
    await recordRefusal(prisma, {
      actorId: input.actor.id,
      action: "identity.removeStaff",
      entityType: "User",
      entityId: input.identityId,
    });
    throw new NotFoundError("identity");
  }
  await prisma.$transaction(async (tx) => {
    await tx.userIdentity.delete({ where: { id: identity.id } });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "identity.removeStaff",
      entityType: "User",
      entityId: identity.userId,
      detail: { issuer: identity.issuer, subject: identity.subject, email: identity.email },
    });
  });
  return { userId: identity.userId };
}
