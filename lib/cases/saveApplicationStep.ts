import "server-only";
import { clientOf } from "../db/client";
import { NotFoundError } from "../shared/errors";
import { serviceToApplyFor } from "./serviceToApplyFor";
import { answersFromFormData, isFieldShown, validateAnswers, type TAnswers } from "../services/answers";
import { saveChosenFile } from "../uploads/saveUpload";
import { readDraft } from "./drafts";
import { applicantAnswers } from "../identity/applicantFields";
import { draftOnBehalf, type TStepPost, type TStepResult } from "./applyingFor";

/**
 * Saves one step of an application into the citizen's draft: typed answers, and any files
 * chosen for the step's upload fields (stored at once, so a later error never loses them).
 * With `validate`, the step must be complete to move on; otherwise it is saved as it is
 * ("save and come back later").
 */
export async function saveApplicationStep(input: TStepPost & { stepId: string }): Promise<TStepResult> {
  const prisma = await clientOf(input);
  const service = await serviceToApplyFor(prisma, input.actor, input.serviceCode);
  const stepIndex = service.form.steps.findIndex((step) => step.id === input.stepId);
  if (stepIndex < 0) throw new NotFoundError("step");
  const step = service.form.steps[stepIndex];
  const draft = await readDraft(prisma, input.actor, service.id);

  const typed = answersFromFormData({ steps: [step] }, input.formData);
  const fieldErrors: Record<string, string> = {};
  for (const field of step.fields.filter((f) => f.type === "file")) {
    const file = input.files.find((received) => received.field === field.name);
    delete typed[field.name];
    if (file && file.size > 0) {
      const saved = await saveChosenFile(
        {
          db: prisma,
          actor: input.actor,
          file,
          accept: field.accept,
          maxSizeMb: field.maxSizeMb,
          field: field.name,
          purpose: field.materialId,
        },
        fieldErrors,
      );
      if (saved) typed[field.name] = saved;
    }
  }
  // a verified name and ID number (or a 代办's principal) are the applicant's, whatever was posted
  const answers: TAnswers = {
    ...draft.answers,
    ...typed,
    ...(await applicantAnswers(prisma, input.actor, service.form, draftOnBehalf(draft.onBehalf))),
  };
  // a field hidden by its condition keeps no answer
  for (const field of step.fields) if (!isFieldShown(field, answers)) delete answers[field.name];
  await prisma.applicationDraft.upsert({
    where: { userId_serviceId: { userId: input.actor.id, serviceId: service.id } },
    create: { userId: input.actor.id, serviceId: service.id, answers, step: step.id },
    update: { answers, step: step.id },
  });

  if (input.validate) {
    const result = validateAnswers(service.form, answers, [step.id]);
    if (!result.ok)
      Object.assign(
        fieldErrors,
        Object.fromEntries(Object.entries(result.fieldErrors).filter(([name]) => !fieldErrors[name])),
      );
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values: answers };
  const nextStep = service.form.steps[stepIndex + 1];
  return { ok: true, next: nextStep ? nextStep.id : "check" };
}
