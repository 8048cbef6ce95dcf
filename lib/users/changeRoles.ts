import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TDbOption } from "../db/client";
import type { TSessionUser, TStaffRole } from "../auth/types";
import { FormError, NotFoundError } from "../shared/errors";
import { changeAccount, keepAnAdministrator } from "./accountChange";

/** The department a form's scope names ("all" is null), or a field error for an unknown code. */
export async function departmentOfScope(
  tx: Prisma.TransactionClient,
  scope: string,
): Promise<{ id: string; code: string } | null> {
  if (scope === "all") return null;
  const department = await tx.department.findUnique({
    where: { code: scope },
    select: { id: true, code: true },
  });
  if (!department) throw new FormError("choose", "scope");
  return department;
}

/**
 * Gives a member of staff one more role, for one department or all (administrators only).
 * Their sessions end, so the new scope applies from their next sign-in; audited.
 */
export async function grantRole(
  input: { actor: TSessionUser; userId: string; role: TStaffRole; scope: string } & TDbOption,
): Promise<void> {
  await changeAccount({ ...input, action: "user.grantRole" }, async (tx, user) => {
    if (user.accountType !== "STAFF") throw new FormError("rolesForStaffOnly");
    const department = await departmentOfScope(tx, input.scope);
    const held = user.grants.some(
      (grant) => grant.role === input.role && grant.departmentId === (department?.id ?? null),
    );
    if (held) throw new FormError("roleAlreadyHeld", "role");
    await tx.roleGrant.create({
      data: { userId: user.id, role: input.role, departmentId: department?.id ?? null },
    });
    return { result: undefined, detail: { role: input.role, department: department?.code ?? null } };
  });
}

/**
 * Takes one role away (administrators only). An administrator cannot take away their own
 * administrator role, nor the last enabled administrator's: either would risk a portal nobody can
 * administer. The person's sessions end at once, so the lost scope is lost now; audited.
 */
export async function revokeRole(
  input: { actor: TSessionUser; userId: string; grantId: string } & TDbOption,
): Promise<void> {
  await changeAccount({ ...input, action: "user.revokeRole" }, async (tx, user) => {
    const grant = user.grants.find((candidate) => candidate.id === input.grantId);
    if (!grant) throw new NotFoundError("RoleGrant");
    if (grant.role === "ADMIN" && grant.departmentId === null) {
      if (user.id === input.actor.id) throw new FormError("ownAdministratorRole");
      await keepAnAdministrator(tx, user);
    }
    await tx.roleGrant.delete({ where: { id: grant.id } });
    return { result: undefined, detail: { role: grant.role, department: grant.department?.code ?? null } };
  });
}
