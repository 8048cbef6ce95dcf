import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { getServiceForm } from "../services/queries";

export type TServiceForm = Awaited<ReturnType<typeof getServiceForm>>;

/** A person's account applies for services to natural persons, an organisation's for legal persons. */
export function mayApplyFor(actor: TSessionUser, audience: TServiceForm["audience"]): boolean {
  return audience === "LEGAL_PERSON" ? actor.accountType === "ORGANISATION" : actor.accountType === "PERSON";
}

/**
 * The published service a citizen applies for, checked against its audience: a person cannot
 * apply for a legal person's service (企业开办, …) nor an organisation for a person's. The
 * refusal is audited and says which kind of account the service needs.
 */
export async function serviceToApplyFor(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  serviceCode: string,
): Promise<TServiceForm> {
  const service = await getServiceForm({ code: serviceCode, db: prisma as PrismaClient });
  if (mayApplyFor(actor, service.audience)) return service;
  await writeAudit(prisma, {
    actorId: actor.id,
    action: "application.apply",
    entityType: "Service",
    entityId: service.code,
    outcome: "DENIED",
    detail: { reason: "audience", audience: service.audience, accountType: actor.accountType },
  });
  throw new FormError(service.audience === "LEGAL_PERSON" ? "audienceLegalPerson" : "audiencePerson");
}
