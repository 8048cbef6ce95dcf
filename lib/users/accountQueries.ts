import "server-only";
import type { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { sessionLimits } from "../auth/sessions";
import { readTablePage, type TPage } from "../shared/paging";
import { likeText } from "../shared/likeText";
import { requireAccountAdministrator } from "./accountChange";
import type { TAccountFilter } from "./schema";

const accountPageSize = 30;

const grantSelect = {
  id: true,
  role: true,
  department: { select: { code: true, name: true } },
} satisfies Prisma.RoleGrantSelect;

const rowSelect = {
  id: true,
  name: true,
  email: true,
  accountType: true,
  disabled: true,
  lastLoginAt: true,
  /** a closed account's name and address are erased: pages show that it is closed instead */
  closedAt: true,
  grants: { select: grantSelect, orderBy: { role: "asc" } },
} satisfies Prisma.UserSelect;

export type TAccountRow = Prisma.UserGetPayload<{ select: typeof rowSelect }>;

function whereOf(filter: TAccountFilter): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filter.q)
    and.push({
      OR: [
        { name: { contains: likeText(filter.q), mode: "insensitive" } },
        { email: { contains: likeText(filter.q.toLowerCase()) } },
      ],
    });
  if (filter.kind === "staff") and.push({ accountType: "STAFF" });
  if (filter.kind === "citizen") and.push({ accountType: { in: ["PERSON", "ORGANISATION"] } });
  if (filter.role || filter.department)
    and.push({
      grants: {
        some: {
          ...(filter.role ? { role: filter.role } : {}),
          ...(filter.department ? { department: { code: filter.department } } : {}),
        },
      },
    });
  if (filter.state) and.push({ disabled: filter.state === "disabled" });
  return { AND: and };
}

/**
 * One page of accounts, staff and citizens, by name (administrators only; anyone else is refused,
 * audited, as "not found"), narrowed by the filter.
 */
export async function listAccounts(
  input: { actor: TSessionUser; filter: TAccountFilter; page?: number } & TDbOption,
): Promise<{ rows: TAccountRow[]; total: number; page: TPage }> {
  const prisma = await clientOf(input);
  await requireAccountAdministrator(prisma, { actor: input.actor, action: "user.list" });
  return readTablePage({
    table: prisma.user,
    query: { where: whereOf(input.filter), orderBy: [{ name: "asc" }, { email: "asc" }], select: rowSelect },
    size: accountPageSize,
    requested: input.page,
  });
}

/**
 * One account as its administrator sees it: who, their roles with scope, how many live sessions
 * they have, their last sign-in, whether two-factor is enrolled and any password link still
 * waiting to be used. Administrators only (a refusal is audited); null when there is no such account.
 */
export async function accountDetail(input: { actor: TSessionUser; userId: string; now?: Date } & TDbOption) {
  const prisma = await clientOf(input);
  await requireAccountAdministrator(prisma, {
    actor: input.actor,
    action: "user.view",
    userId: input.userId,
  });
  const now = input.now ?? new Date();
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: {
      ...rowSelect,
      createdAt: true,
      totpSecret: true,
      confirmTokenHash: true,
      sessions: {
        where: { endedAt: null, expiresAt: { gt: now } },
        select: { portal: true, lastSeenAt: true },
      },
      passwordLinks: {
        where: { usedAt: null, expiresAt: { gt: now } },
        select: { purpose: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!user) return null;
  const { totpSecret, confirmTokenHash, sessions, passwordLinks, ...account } = user;
  const liveSessions = sessions.filter(
    (session) =>
      now.getTime() - session.lastSeenAt.getTime() <=
      sessionLimits[session.portal === "staff" ? "staff" : "public"].idleMs,
  ).length;
  return {
    ...account,
    twoFactorEnrolled: !!totpSecret,
    awaitingConfirmation: !!confirmTokenHash,
    liveSessions,
    pendingLink: passwordLinks[0] ?? null,
  };
}

/** The departments a role can be scoped to, in their usual order, for the administrators' forms. */
export async function departmentChoices(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  await requireAccountAdministrator(prisma, { actor: input.actor, action: "user.list" });
  return prisma.department.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true } });
}
