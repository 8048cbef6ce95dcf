import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";

/** The user's grants with department names, for the workbench header. */
export async function staffScopeSummary(user: TSessionUser) {
  const codes = user.grants.map((g) => g.department).filter((c): c is string => !!c);
  const departments = await (
    await db()
  ).department.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
  const nameOf = new Map(departments.map((d) => [d.code, d.name]));
  return user.grants.map((grant) => ({
    ...grant,
    departmentName: grant.department ? (nameOf.get(grant.department) ?? null) : null,
  }));
}
