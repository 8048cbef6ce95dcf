import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import type { TAnswers } from "../services/answers";
import { serviceToApplyFor } from "./serviceToApplyFor";
import { applicantAnswers } from "../identity/applicantFields";
import { choosesApplyingFor, draftApplyingFor, draftOnBehalf } from "./applyingFor";

type Tx = PrismaClient | Prisma.TransactionClient;

/** The signed-in citizen's saved answers for a service, or empty. */
export async function readDraft(
  tx: Tx,
  actor: TSessionUser,
  serviceId: string,
): Promise<{ answers: TAnswers; step: string | null; onBehalf: unknown }> {
  const draft = await tx.applicationDraft.findUnique({
    where: { userId_serviceId: { userId: actor.id, serviceId } },
  });
  return {
    answers: (draft?.answers as TAnswers | undefined) ?? {},
    step: draft?.step ?? null,
    onBehalf: draft?.onBehalf ?? null,
  };
}

/** Removes the citizen's draft for a service; inside a submission's transaction. */
export async function removeDraft(tx: Tx, actor: TSessionUser, serviceId: string): Promise<void> {
  await tx.applicationDraft.deleteMany({ where: { userId: actor.id, serviceId } });
}

/** The citizen's saved applications, newest first. */
export async function listDrafts(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  return prisma.applicationDraft.findMany({
    where: { userId: input.actor.id },
    orderBy: { updatedAt: "desc" },
    select: { step: true, updatedAt: true, service: { select: { code: true, name: true, nameEn: true } } },
  });
}

/** What the application pages need: the service form, the citizen's draft, and names of files in it. */
export async function loadApplication(input: { actor: TSessionUser; serviceCode: string } & TDbOption) {
  const prisma = await clientOf(input);
  const service = await serviceToApplyFor(prisma, input.actor, input.serviceCode);
  const draft = await readDraft(prisma, input.actor, service.id);
  const fileIds = service.form.steps
    .flatMap((step) => step.fields)
    .filter((field) => field.type === "file")
    .map((field) => draft.answers[field.name])
    .filter((id): id is string => typeof id === "string");
  // a 代办's applicant fields hold the principal, else a real-name account's its verified identity
  const onBehalf = draftOnBehalf(draft.onBehalf);
  const locked = await applicantAnswers(prisma, input.actor, service.form, onBehalf);
  const applyingFor = draftApplyingFor(draft.onBehalf);
  const declaration = applyingFor.applyingFor === "other" ? applyingFor.onBehalfDeclaration : undefined;
  if (typeof declaration === "string") fileIds.push(declaration);
  return {
    service,
    draft: { ...draft, answers: { ...draft.answers, ...locked } },
    files: await uploadNames(prisma, input.actor, fileIds),
    locked,
    /** whether the journey starts with "for myself / for someone else", and what was chosen */
    choosesApplyingFor: choosesApplyingFor(input.actor),
    applyingFor,
  };
}

/** Names of uploads the citizen owns, for showing what a draft already holds. */
async function uploadNames(
  prisma: PrismaClient,
  actor: TSessionUser,
  ids: string[],
): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows = await prisma.attachment.findMany({
    where: { id: { in: ids }, uploaderId: actor.id },
    select: { id: true, fileName: true },
  });
  return Object.fromEntries(rows.map((row) => [row.id, row.fileName]));
}
