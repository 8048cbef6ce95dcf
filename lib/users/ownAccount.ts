import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { isCitizen } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { deniedAsNotFound } from "../audit/refusals";

/**
 * What a citizen does with their own account (profile, address, data, tokens, closing it): a staff
 * account asking is refused, audited as `action`, and told only "not found".
 */
export async function requireOwnAccount(
  prisma: PrismaClient,
  entry: { actor: TSessionUser; action: string; entityType?: string },
): Promise<void> {
  const { actor } = entry;
  if (isCitizen(actor)) return;
  throw await deniedAsNotFound(prisma, {
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType ?? "User",
  });
}
