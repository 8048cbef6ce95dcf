import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { NotFoundError } from "../shared/errors";
import type { TFormDefinition } from "../services/form-definition";
import { answersFromFormData, validateAnswers, type TAnswers } from "../services/answers";
import { saveChosenFile } from "../uploads/saveUpload";
import type { TReceivedFile } from "../uploads/receiveUpload";
import { declarationLimits, type TOnBehalf } from "../identity/onBehalf";
import { serviceToApplyFor } from "./serviceToApplyFor";

/**
 * The apply journey's first step for a person's account: "for myself" or "for someone else (代办)",
 * with the principal's name, 公民身份号码 and the signed 授权委托书. Its id has a capital letter, so
 * no service form's step (lower-case ids) can take it. The answers live on the draft (onBehalf),
 * never among the form's answers; the field names are the error fields submitApplication names.
 */
export const applyingForStepId = "applyingFor";

// labels are the apply namespace's (applyingFor.*): the page translates them, this only validates
const label = { zh: "-", en: "-" };
const other = { field: "applyingFor", equals: "other" };
export const applyingForForm: TFormDefinition = {
  steps: [
    {
      id: "applying-for",
      title: label,
      fields: [
        {
          name: "applyingFor",
          type: "radio",
          label,
          required: true,
          options: [
            { value: "self", label },
            { value: "other", label },
          ],
        },
        { name: "onBehalfName", type: "text", label, required: true, maxLength: 50, showIf: other },
        { name: "onBehalfIdNumber", type: "idCard", label, required: true, showIf: other },
        {
          name: "onBehalfDeclaration",
          type: "file",
          label,
          required: true,
          showIf: other,
          accept: [...declarationLimits.accept],
          maxSizeMb: declarationLimits.maxSizeMb,
        },
      ],
    },
  ],
};

/** Whether the account chooses between applying for itself and 代办 (a person's; an organisation has its 经办人). */
export function choosesApplyingFor(actor: TSessionUser): boolean {
  return actor.accountType === "PERSON";
}

/** The draft's choice as stored (what was typed, even when not yet valid). */
export function draftApplyingFor(stored: unknown): TAnswers {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/** The 代办 a draft asks for, as submitApplication takes it; null when applying for oneself or not chosen. */
export function draftOnBehalf(stored: unknown): TOnBehalf | null {
  const answers = draftApplyingFor(stored);
  if (answers.applyingFor !== "other") return null;
  return {
    name: String(answers.onBehalfName ?? ""),
    idNumber: String(answers.onBehalfIdNumber ?? ""),
    declarationId: String(answers.onBehalfDeclaration ?? ""),
  };
}

/** What every step of the apply journey posts: the service, the typed answers and the files chosen. */
export type TStepPost = {
  actor: TSessionUser;
  serviceCode: string;
  /** the typed answers */
  formData: FormData;
  /** the files chosen, received onto disk as they arrived */
  files: TReceivedFile[];
  /** the step must be complete to move on (else it is saved as it is) */
  validate: boolean;
} & TDbOption;

/** What saving a step of the apply journey answers: the next step, or the step's errors and what was typed. */
export type TStepResult =
  { ok: true; next: string } | { ok: false; fieldErrors: Record<string, string>; values: TAnswers };

/**
 * Saves the who-is-it-for step into the citizen's draft: the choice, and for 代办 the principal's
 * details and the declaration (stored at once, checked against declarationLimits while it was read
 * and again by its content). The principal may not be the account holder. Then the form's first step.
 */
export async function saveApplyingFor(input: TStepPost): Promise<TStepResult> {
  const prisma = await clientOf(input);
  const service = await serviceToApplyFor(prisma, input.actor, input.serviceCode);
  // an organisation's account applies through its 经办人: it has no such step
  if (!choosesApplyingFor(input.actor)) throw new NotFoundError("step");
  const key = { userId_serviceId: { userId: input.actor.id, serviceId: service.id } };
  const draft = await prisma.applicationDraft.findUnique({ where: key, select: { onBehalf: true } });
  const typed = answersFromFormData(applyingForForm, input.formData);
  delete typed.onBehalfDeclaration;
  const fieldErrors: Record<string, string> = {};
  const file = input.files.find((received) => received.field === "onBehalfDeclaration");
  const before = draftApplyingFor(draft?.onBehalf);
  if (before.onBehalfDeclaration) typed.onBehalfDeclaration = before.onBehalfDeclaration;
  if (typed.applyingFor === "other" && file && file.size > 0) {
    const saved = await saveChosenFile(
      {
        db: prisma,
        actor: input.actor,
        file,
        ...declarationLimits,
        field: "onBehalfDeclaration",
        purpose: "onBehalfDeclaration",
      },
      fieldErrors,
    );
    if (saved) typed.onBehalfDeclaration = saved;
  }
  // for oneself nothing of a principal is kept
  const stored: TAnswers =
    typed.applyingFor === "other"
      ? typed
      : typed.applyingFor === "self"
        ? { applyingFor: "self" }
        : { ...before, ...typed };
  await prisma.applicationDraft.upsert({
    where: key,
    create: {
      userId: input.actor.id,
      serviceId: service.id,
      answers: {},
      onBehalf: stored,
      step: applyingForStepId,
    },
    update: { onBehalf: stored },
  });

  if (input.validate) {
    const result = validateAnswers(applyingForForm, stored);
    if (!result.ok)
      for (const [name, error] of Object.entries(result.fieldErrors)) fieldErrors[name] ??= error;
    else if (stored.applyingFor === "other" && (await isOwnIdNumber(prisma, input.actor, stored)))
      fieldErrors.onBehalfIdNumber ??= "onBehalfSelf";
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values: stored };
  return { ok: true, next: service.form.steps[0].id };
}

async function isOwnIdNumber(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: TSessionUser,
  answers: TAnswers,
): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { verifiedIdNumber: true } });
  const typed = String(answers.onBehalfIdNumber ?? "")
    .trim()
    .toUpperCase();
  return !!user?.verifiedIdNumber && user.verifiedIdNumber === typed;
}
