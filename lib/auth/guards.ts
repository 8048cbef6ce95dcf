import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { isAdministrator, isCitizen } from "./policy";
import type { TSessionUser } from "./types";
import { deniedAsNotFound } from "../audit/refusals";

type TGuarded = { actor: TSessionUser; action: string; entityType: string; entityId?: string | null };

/**
 * What only an administrator may read or change: anyone else is refused, audited as `action` on
 * the entity, and told only "not found".
 */
export async function requireAdministrator(prisma: PrismaClient, entry: TGuarded): Promise<void> {
  const { actor, ...refusal } = entry;
  if (!isAdministrator(actor)) throw await deniedAsNotFound(prisma, { actorId: entry.actor.id, ...refusal });
}

/** The database client for what only an administrator may read or change, checked as requireAdministrator. */
export async function administratorsClient(
  input: { actor: TSessionUser } & TDbOption,
  refusal: Omit<TGuarded, "actor">,
): Promise<PrismaClient> {
  const prisma = await clientOf(input);
  await requireAdministrator(prisma, { actor: input.actor, ...refusal });
  return prisma;
}

/**
 * What a citizen does with their own account (profile, address, data, tokens, closing it): a staff
 * account asking is refused, audited as `action`, and told only "not found".
 */
export async function requireOwnAccount(
  prisma: PrismaClient,
  entry: Omit<TGuarded, "entityType" | "entityId"> & { entityType?: string },
): Promise<void> {
  const { actor } = entry;
  if (isCitizen(actor)) return;
  throw await deniedAsNotFound(prisma, {
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType ?? "User",
  });
}
