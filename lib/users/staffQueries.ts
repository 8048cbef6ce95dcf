import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";

/** The user's grants with department names, for the workbench header. */
export async function staffScopeSummary(input: { actor: TSessionUser } & TDbOption) {
  const user = input.actor;
  const codes = user.grants.map((g) => g.department).filter((c): c is string => !!c);
  const departments = await (
    await clientOf(input)
  ).department.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
  const nameOf = new Map(departments.map((d) => [d.code, d.name]));
  return user.grants.map((grant) => ({
    ...grant,
    departmentName: grant.department ? (nameOf.get(grant.department) ?? null) : null,
  }));
}
