import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import { FormError, NotFoundError } from "../shared/errors";
import { isCitizen } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import type { TFormDefinition } from "../services/form-definition";
import { validateAnswers, type TAnswers } from "../services/answers";
import { allocateTrackingNumber, newAccessCode } from "../identifiers/trackingNumbers";
import { composeCaseNotice, queueCaseNotice } from "../notifications/notifyApplicant";
import { serviceToApplyFor, type TServiceForm } from "./serviceToApplyFor";
import { readDraft, removeDraft } from "./drafts";
import {
  applicantAnswers,
  readApplicant,
  verifiedIdentitySnapshot,
  type TApplicantRow,
} from "../identity/applicantFields";
import { applyingForStepId, draftOnBehalf } from "./applyingFor";
import { declarationLimits, ZOnBehalf, type TOnBehalf } from "../identity/onBehalf";

type TSubmitted = { trackingNumber: string; accessCode: string; status: string; created: boolean };

/**
 * Thrown with the field errors of invalid answers (the API answers 422); for a drafted
 * application also the first step that holds one, where the form sends the citizen back.
 */
export class AnswersInvalid extends Error {
  constructor(
    public readonly fieldErrors: Record<string, string>,
    public readonly stepId?: string,
  ) {
    super("answers invalid");
  }
}

type TSubmitInput = {
  actor: TSessionUser;
  serviceCode: string;
  answers: TAnswers;
  idempotencyKey: string;
  /** 代办: filed for someone else, with their details and signed declaration */
  onBehalf?: TOnBehalf | null;
};

/**
 * Submits an application exactly once per idempotency key: a retry, a double click or a
 * concurrent duplicate returns the first case instead of making a second one (the unique
 * index on applicant + key decides any race).
 */
export async function submitApplication(input: TSubmitInput & TDbOption): Promise<TSubmitted> {
  return submit(await clientOf(input), input);
}

/**
 * Submits the citizen's saved draft for a service (check-your-answers): the case is created and
 * the draft removed in one transaction. A draft that chose 代办 submits with its principal and
 * declaration (onBehalf), as the API does. Invalid answers throw AnswersInvalid naming the first
 * step to correct (the who-is-it-for step for the 代办 details).
 */
export async function submitDraftedApplication(
  input: { actor: TSessionUser; serviceCode: string; idempotencyKey: string } & TDbOption,
): Promise<TSubmitted> {
  const prisma = await clientOf(input);
  const applicant = await applicantOf(prisma, input.actor);
  const service = await serviceToApplyFor(prisma, input.actor, input.serviceCode, applicant);
  const draft = await readDraft(prisma, input.actor, service.id);
  try {
    return await submit(
      prisma,
      { ...input, answers: draft.answers, onBehalf: draftOnBehalf(draft.onBehalf) },
      { service, applicant, withCase: (tx) => removeDraft(tx, input.actor, service.id) },
    );
  } catch (error) {
    if (error instanceof AnswersInvalid)
      throw new AnswersInvalid(error.fieldErrors, firstStepWithError(service.form, error.fieldErrors));
    throw error;
  }
}

function firstStepWithError(form: TFormDefinition, fieldErrors: Record<string, string>): string {
  if (Object.keys(fieldErrors).some((name) => name.startsWith("onBehalf"))) return applyingForStepId;
  const step = form.steps.find((s) => s.fields.some((f) => fieldErrors[f.name])) ?? form.steps[0];
  return step.id;
}

type TSubmitMore = {
  /** the service, when the caller has loaded it already */
  service?: TServiceForm;
  /** the applicant's row, when the caller has read it already */
  applicant?: TApplicantRow;
  /** more work for the transaction that creates the case */
  withCase?: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * One case per idempotency key: a key already used answers with its case. A request that races
 * another with the same key loses in one of two ways, and both answer with the winner's case: the
 * uploads it names are the winner's by the time it checks or links them (its answers look
 * invalid), or the winner's row holds the key when it inserts its own (P2002).
 */
async function submit(
  prisma: PrismaClient,
  input: TSubmitInput,
  more: TSubmitMore = {},
): Promise<TSubmitted> {
  const { actor, idempotencyKey } = input;
  if (!isCitizen(actor)) throw new NotFoundError("service");
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(idempotencyKey)) throw new FormError("idempotencyKeyInvalid");
  const existing = await findByKey(prisma, actor.id, idempotencyKey);
  if (existing) return existing;
  try {
    return await submitNew(prisma, input, more);
  } catch (error) {
    if (error instanceof AnswersInvalid || (error as { code?: string }).code === "P2002") {
      const winner = await findByKey(prisma, actor.id, idempotencyKey);
      if (winner) return winner;
    }
    throw error;
  }
}

/** Checks the answers and files, then creates the case, its history, files and notice in one transaction. */
async function submitNew(prisma: PrismaClient, input: TSubmitInput, more: TSubmitMore): Promise<TSubmitted> {
  const { actor, idempotencyKey } = input;

  // the applicant's row once, for the service's assurance, the locked answers, the identity on
  // record and the notice's address (on the embedded database every read is a round trip)
  const applicant = more.applicant ?? (await applicantOf(prisma, actor));
  const service = more.service ?? (await serviceToApplyFor(prisma, actor, input.serviceCode, applicant));
  const form = service.form;
  const onBehalf = input.onBehalf ? parseOnBehalf(input.onBehalf) : null;
  // the applicant fields: the principal's for a 代办, else the verified identity's (posted values ignored)
  const fixed = await applicantAnswers(prisma, actor, form, onBehalf, applicant);
  const result = validateAnswers(form, { ...input.answers, ...fixed });
  if (!result.ok) throw new AnswersInvalid(result.fieldErrors);
  const applicantIdentity = await verifiedIdentitySnapshot(prisma, actor, applicant);
  if (onBehalf) {
    const declaration = await prisma.attachment.findFirst({
      where: { id: onBehalf.declarationId, uploaderId: actor.id, applicationId: null },
      select: { mimeType: true, size: true },
    });
    const problem = !declaration
      ? "onBehalfDeclarationRequired"
      : !(declarationLimits.accept as readonly string[]).includes(declaration.mimeType)
        ? "fileType"
        : declaration.size > declarationLimits.maxSizeMb * 1024 * 1024
          ? `fileTooLarge|${declarationLimits.maxSizeMb}`
          : null;
    if (problem) throw new AnswersInvalid({ onBehalfDeclaration: problem });
    const own = applicantIdentity as { idNumber?: string } | null;
    if (own?.idNumber && own.idNumber === onBehalf.idNumber)
      throw new AnswersInvalid({ onBehalfIdNumber: "onBehalfSelf" });
  }

  // every upload must be the applicant's own and not yet part of a case
  const fileFields = form.steps.flatMap((step) => step.fields).filter((field) => field.type === "file");
  const uploadIds = fileFields
    .map((field) => result.answers[field.name])
    .filter((id): id is string => typeof id === "string");
  if (uploadIds.length) {
    const owned = await prisma.attachment.findMany({
      where: { id: { in: uploadIds }, uploaderId: actor.id, applicationId: null },
      select: { id: true, mimeType: true, size: true },
    });
    const byId = new Map(owned.map((file) => [file.id, file]));
    const fieldErrors: Record<string, string> = {};
    for (const field of fileFields) {
      const id = result.answers[field.name];
      if (typeof id !== "string") continue;
      const file = byId.get(id);
      // the field's own limits apply however the file arrived (form step or API upload)
      if (!file) fieldErrors[field.name] = "fileRequired";
      else if (field.accept?.length && !field.accept.includes(file.mimeType as (typeof field.accept)[number]))
        fieldErrors[field.name] = "fileType";
      else if (file.size > (field.maxSizeMb ?? 10) * 1024 * 1024)
        fieldErrors[field.name] = `fileTooLarge|${field.maxSizeMb ?? 10}`;
    }
    if (Object.keys(fieldErrors).length) throw new AnswersInvalid(fieldErrors);
  }

  // the number comes from this instance's block of serials, before the transaction: the
  // transaction never waits on the serial row (a number drawn for a duplicate is a gap)
  const trackingNumber = await allocateTrackingNumber(prisma, "SV");
  // the notice is written before the transaction too, and queued in it: it commits with the case
  const notice = await composeCaseNotice({
    applicant,
    trackingNumber,
    service,
    status: "SUBMITTED",
    kind: "submit",
  });
  return prisma.$transaction(
    async (tx) => {
      // a concurrent request with the same key: the unique index on applicant + key makes this
      // insert wait for the other's transaction and fail once it commits (P2002, answered by submit
      // with its case), so the transaction needs no lock or look-up of its own
      const created = await tx.application.create({
        data: {
          trackingNumber,
          accessCode: newAccessCode(),
          serviceId: service.id,
          applicantId: actor.id,
          answers: result.answers,
          formSnapshot: form,
          idempotencyKey,
          principalName: onBehalf?.name ?? null,
          principalIdNumber: onBehalf?.idNumber ?? null,
          applicantIdentity: applicantIdentity ?? undefined,
        },
        select: { id: true, accessCode: true, status: true },
      });
      // the history row on its own: written nested, the case would be read back once more after it
      await tx.caseEvent.create({
        data: { applicationId: created.id, kind: "submit", toStatus: "SUBMITTED", actorId: actor.id },
        select: { id: true },
      });
      for (const field of fileFields) {
        const id = result.answers[field.name];
        if (typeof id !== "string") continue;
        // linked only if still unlinked: a file can belong to one case
        const linked = await tx.attachment.updateMany({
          where: { id, uploaderId: actor.id, applicationId: null },
          data: { applicationId: created.id, purpose: field.materialId ?? field.name },
        });
        if (linked.count !== 1) throw new AnswersInvalid({ [field.name]: "fileRequired" });
      }
      if (onBehalf) {
        const linked = await tx.attachment.updateMany({
          where: { id: onBehalf.declarationId, uploaderId: actor.id, applicationId: null },
          data: { applicationId: created.id, purpose: "onBehalfDeclaration" },
        });
        if (linked.count !== 1)
          throw new AnswersInvalid({ onBehalfDeclaration: "onBehalfDeclarationRequired" });
      }
      await more.withCase?.(tx);
      await queueCaseNotice(tx, notice);
      return { trackingNumber, accessCode: created.accessCode, status: created.status, created: true };
    },
    // a burst of submissions queues on the pool: wait rather than fail
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/** The 代办 details, checked: field errors are named onBehalfName, onBehalfIdNumber, onBehalfDeclaration. */
function parseOnBehalf(raw: TOnBehalf): TOnBehalf {
  const parsed = ZOnBehalf.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "name");
    const field = `onBehalf${key === "declarationId" ? "Declaration" : key === "idNumber" ? "IdNumber" : "Name"}`;
    fieldErrors[field] ??= issue.code === "invalid_type" ? "required" : issue.message;
  }
  throw new AnswersInvalid(fieldErrors);
}

/** The signed-in applicant's row; an account gone since the session began applies for nothing. */
async function applicantOf(prisma: PrismaClient, actor: TSessionUser): Promise<TApplicantRow> {
  const applicant = await readApplicant(prisma, actor.id);
  if (!applicant) throw new NotFoundError("service");
  return applicant;
}

async function findByKey(
  prisma: PrismaClient | Prisma.TransactionClient,
  applicantId: string,
  idempotencyKey: string,
): Promise<TSubmitted | null> {
  const found = await prisma.application.findUnique({
    where: { applicantId_idempotencyKey: { applicantId, idempotencyKey } },
    select: { trackingNumber: true, accessCode: true, status: true },
  });
  return found ? { ...found, created: false } : null;
}
