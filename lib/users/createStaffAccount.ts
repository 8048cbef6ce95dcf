import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { requireAccountAdministrator } from "./accountChange";
import { departmentOfScope } from "./changeRoles";
import { issuePasswordLink, unusablePasswordHash } from "./passwordLinks";
import type { TNewStaffAccount } from "./schema";

/**
 * Creates a staff account with its first role and scope (administrators only) and mails the
 * person an invitation: a one-time link to set their own password, so no administrator ever knows
 * it. Until then the account cannot sign in. Audited. Returns the new account's id.
 */
export async function createStaffAccount(
  input: { actor: TSessionUser; account: TNewStaffAccount; now?: Date } & TDbOption,
): Promise<string> {
  const prisma = await clientOf(input);
  await requireAccountAdministrator(prisma, { actor: input.actor, action: "user.create" });
  const { email, name, role, scope } = input.account;
  const passwordHash = await unusablePasswordHash();
  const create = prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new FormError("emailTaken", "email");
    const department = await departmentOfScope(tx, scope);
    const user = await tx.user.create({
      data: {
        email,
        name,
        accountType: "STAFF",
        passwordHash,
        grants: { create: { role, departmentId: department?.id ?? null } },
      },
    });
    const { expiresAt } = await issuePasswordLink(tx, { user, purpose: "invite", now: input.now });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      detail: { role, department: department?.code ?? null, linkExpiresAt: expiresAt.toISOString() },
    });
    return user.id;
  });
  // two administrators inviting one address at once: the unique index decides, the loser is told
  return create.catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002") throw new FormError("emailTaken", "email");
    throw error;
  });
}
