import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { endAllSessions } from "../auth/sessions";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound, recordRefusal } from "../audit/refusals";
import { FormError, NotFoundError } from "../shared/errors";
import { mayAdministerAccounts } from "./policy";

type Tx = Prisma.TransactionClient;

const targetInclude = { grants: { include: { department: { select: { code: true } } } } } as const;
export type TChangedAccount = Prisma.UserGetPayload<{ include: typeof targetInclude }>;

/** The rules an administrator's change can break: refusals, audited as such (not typing mistakes). */
const accountRules = new Set(["lastAdministrator", "ownAdministratorRole", "disableSelf"]);

type TChange = {
  actor: TSessionUser;
  userId: string;
  /** the audit action, e.g. "user.disable" */
  action: string;
} & TDbOption;

/** Refuses anyone who may not administer accounts: audited, and told only "not found". */
export async function requireAccountAdministrator(
  prisma: PrismaClient,
  input: { actor: TSessionUser; action: string; userId?: string | null },
): Promise<void> {
  if (mayAdministerAccounts(input.actor)) return;
  throw await deniedAsNotFound(prisma, {
    actorId: input.actor.id,
    action: input.action,
    entityType: "User",
    entityId: input.userId ?? null,
  });
}

/** An enabled staff account holding the administrator role for all departments. */
const administratorWhere = {
  disabled: false,
  accountType: "STAFF",
  grants: { some: { role: "ADMIN", departmentId: null } },
} satisfies Prisma.UserWhereInput;

/** Whether this account is an enabled administrator of the whole portal. */
const isEnabledAdministrator = (user: TChangedAccount) =>
  !user.disabled &&
  user.accountType === "STAFF" &&
  user.grants.some((grant) => grant.role === "ADMIN" && grant.departmentId === null);

/**
 * Refuses a change that would leave the portal with no enabled administrator: someone must
 * always be able to administer accounts. Call it inside the change's transaction, which holds the
 * administrators' lock, so two administrators cannot each remove the other at the same moment.
 */
export async function keepAnAdministrator(tx: Tx, user: TChangedAccount): Promise<void> {
  if (!isEnabledAdministrator(user)) return;
  const others = await tx.user.count({ where: { ...administratorWhere, id: { not: user.id } } });
  if (others === 0) throw new FormError("lastAdministrator");
}

/**
 * Runs one administrator's change to an account: checks the actor (a refusal audited and told as
 * "not found"), then, in one transaction holding a lock that every account change takes (so the
 * rules about administrators see a settled state), applies the change and writes its audit row.
 * The person's sessions then end at once, so the next request they make sees the change. A rule
 * about administrators that the change breaks is audited as a refusal too, outside the
 * rolled-back transaction.
 */
export async function changeAccount<T>(
  input: TChange,
  change: (tx: Tx, user: TChangedAccount) => Promise<{ result: T; detail?: Prisma.InputJsonObject }>,
): Promise<T> {
  const prisma = await clientOf(input);
  await requireAccountAdministrator(prisma, input);
  let outcome: { result: T; detail?: Prisma.InputJsonObject };
  try {
    outcome = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('accounts.administer', 0))`;
      const user = await tx.user.findUnique({ where: { id: input.userId }, include: targetInclude });
      if (!user) throw new NotFoundError("User");
      const done = await change(tx, user);
      await writeAudit(tx, {
        actorId: input.actor.id,
        action: input.action,
        entityType: "User",
        entityId: user.id,
        detail: done.detail,
      });
      return done;
    });
  } catch (error) {
    if (error instanceof FormError && accountRules.has(error.key))
      await recordRefusal(prisma, {
        actorId: input.actor.id,
        action: input.action,
        entityType: "User",
        entityId: input.userId,
        detail: { rule: error.key },
      });
    throw error;
  }
  await endAllSessions({ db: prisma, userId: input.userId });
  return outcome.result;
}
