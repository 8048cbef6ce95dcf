import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { getServiceForm } from "../services/queries";
import { assuranceOf, reaches, type TAssuranceLevel } from "../identity/assurance";
import type { TApplicantRow } from "../identity/applicantFields";

export type TServiceForm = Awaited<ReturnType<typeof getServiceForm>>;

/** A person's account applies for services to natural persons, an organisation's for legal persons. */
export function mayApplyFor(actor: TSessionUser, audience: TServiceForm["audience"]): boolean {
  return audience === "LEGAL_PERSON" ? actor.accountType === "ORGANISATION" : actor.accountType === "PERSON";
}

/** The account is below the assurance level the service needs: the page says how to reach it. */
export class AssuranceTooLow extends FormError {
  constructor(
    public readonly required: TAssuranceLevel,
    public readonly level: TAssuranceLevel,
  ) {
    super(`assurance${required === "REAL_NAME" ? "RealName" : "Phone"}`);
  }
}

/**
 * The account's assurance level, read afresh (a link made a moment ago counts at once), or from the
 * applicant's row when the caller has just read it.
 */
export async function accountAssurance(
  prisma: PrismaClient | Prisma.TransactionClient,
  userId: string,
  applicant?: TApplicantRow,
): Promise<TAssuranceLevel> {
  const account =
    applicant ??
    (await prisma.user.findUnique({
      where: { id: userId },
      select: { mobileVerifiedAt: true, realNameVerifiedAt: true },
    }));
  return account ? assuranceOf(account) : "REGISTERED";
}

/**
 * The published service a citizen applies for, checked against its audience: a person cannot
 * apply for a legal person's service (企业开办, …) nor an organisation for a person's; and
 * against the assurance level it declares (most 行政许可 need a real-name account). Each refusal
 * is audited and says which kind of account the service needs.
 */
export async function serviceToApplyFor(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  serviceCode: string,
  applicant?: TApplicantRow,
): Promise<TServiceForm> {
  const service = await getServiceForm({ code: serviceCode, db: prisma as PrismaClient });
  const refused = (detail: Record<string, string | null>) =>
    writeAudit(prisma, {
      actorId: actor.id,
      action: "application.apply",
      entityType: "Service",
      entityId: service.code,
      outcome: "DENIED",
      detail,
    });
  if (mayApplyFor(actor, service.audience)) {
    const level = await accountAssurance(prisma, actor.id, applicant);
    if (reaches(level, service.requiredLevel)) return service;
    await refused({ reason: "assurance", required: service.requiredLevel, level });
    throw new AssuranceTooLow(service.requiredLevel, level);
  }
  await refused({ reason: "audience", audience: service.audience, accountType: actor.accountType });
  throw new FormError(service.audience === "LEGAL_PERSON" ? "audienceLegalPerson" : "audiencePerson");
}
