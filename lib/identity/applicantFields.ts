import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import type { TFormDefinition } from "../services/form-definition";
import type { TOnBehalf } from "./onBehalf";

/**
 * The applicant's own row as applying reads it: assurance, verified identity, and where the case's
 * notices go. A submission reads it once and hands it to each check below, which otherwise read
 * the columns they need themselves (the form and draft pages).
 */
export const applicantSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  accountType: true,
  mobileVerifiedAt: true,
  realNameVerifiedAt: true,
  verifiedName: true,
  verifiedIdNumber: true,
  agentName: true,
  agentIdNumber: true,
} satisfies Prisma.UserSelect;
export type TApplicantRow = Prisma.UserGetPayload<{ select: typeof applicantSelect }>;

export function readApplicant(
  prisma: PrismaClient | Prisma.TransactionClient,
  userId: string,
): Promise<TApplicantRow | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: applicantSelect });
}

/**
 * The applicant fields a real-name account cannot change: a person's 姓名 (`fullName`) and
 * 公民身份号码 (`idNumber`), an organisation's 统一社会信用代码 (`creditCode`) — the names every
 * service form uses for the applicant. Their values come from the verified identity; whatever is
 * posted for them is ignored. Empty for an account without a verified identity.
 */
async function lockedApplicantAnswers(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  form: TFormDefinition,
  applicant?: TApplicantRow,
): Promise<Record<string, string>> {
  const user =
    applicant ??
    (await prisma.user.findUnique({
      where: { id: actor.id },
      select: { accountType: true, realNameVerifiedAt: true, verifiedName: true, verifiedIdNumber: true },
    }));
  if (!user?.realNameVerifiedAt || !user.verifiedIdNumber) return {};
  const fields = form.steps.flatMap((step) => step.fields);
  const has = (name: string, type: string) => fields.some((f) => f.name === name && f.type === type);
  const locked: Record<string, string> = {};
  if (user.accountType === "PERSON") {
    if (user.verifiedName && has("fullName", "text")) locked.fullName = user.verifiedName;
    if (has("idNumber", "idCard")) locked.idNumber = user.verifiedIdNumber;
  } else if (user.accountType === "ORGANISATION" && has("creditCode", "creditCode")) {
    locked.creditCode = user.verifiedIdNumber;
  }
  return locked;
}

/** A 代办's applicant fields are the principal's (whatever the account's own identity). */
function principalAnswers(form: TFormDefinition, onBehalf: TOnBehalf): Record<string, string> {
  const fields = form.steps.flatMap((step) => step.fields);
  const answers: Record<string, string> = {};
  if (fields.some((f) => f.name === "fullName")) answers.fullName = onBehalf.name;
  if (fields.some((f) => f.name === "idNumber" && f.type === "idCard")) answers.idNumber = onBehalf.idNumber;
  return answers;
}

/**
 * The applicant fields the citizen cannot change on the form: the principal's for a 代办, else the
 * verified identity's (lockedApplicantAnswers). The form, the draft and the submission all use this.
 */
export async function applicantAnswers(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  form: TFormDefinition,
  onBehalf: TOnBehalf | null,
  applicant?: TApplicantRow,
): Promise<Record<string, string>> {
  return onBehalf ? principalAnswers(form, onBehalf) : lockedApplicantAnswers(prisma, actor, form, applicant);
}

/** The verified identity a case records for the caseworker (the applicant, or the agent of a 代办). */
export async function verifiedIdentitySnapshot(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  applicant?: TApplicantRow,
): Promise<Prisma.InputJsonValue | null> {
  const user =
    applicant ??
    (await prisma.user.findUnique({
      where: { id: actor.id },
      select: {
        realNameVerifiedAt: true,
        verifiedName: true,
        verifiedIdNumber: true,
        agentName: true,
        agentIdNumber: true,
      },
    }));
  if (!user?.realNameVerifiedAt) return null;
  return {
    name: user.verifiedName,
    idNumber: user.verifiedIdNumber,
    agentName: user.agentName,
    agentIdNumber: user.agentIdNumber,
    verifiedAt: user.realNameVerifiedAt.toISOString(),
  };
}
