import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { FormError } from "../shared/errors";
import { refreshSearchEntry } from "../search/index";
import { contentChanged } from "../cache/contentChanged";
import { stepEngine, type TStepInput, type TStepKind } from "../workflow/applyStep";
import { consultationWorkflow, type TConsultationRule, type TConsultationStep } from "./consultationWorkflow";
import { periodProblem, startOfChinaDay } from "./rules";

export type TConsultationStepInput = TStepInput<TConsultationStep> & { consultationId: string };

async function loadConsultation(prisma: PrismaClient, id: string) {
  const found = await prisma.consultation.findUnique({ where: { id } });
  if (!found) return null;
  const pending = await prisma.consultationComment.count({
    where: { consultationId: id, status: "PENDING" },
  });
  return { ...found, pending };
}

type TConsultation = NonNullable<Awaited<ReturnType<typeof loadConsultation>>>;
type TConsultationPlan = { data: Prisma.ConsultationUpdateManyMutationInput };

/** The consultation workflow on the engine; its rules read the server's clock, so they live in plan. */
const consultationSteps: TStepKind<
  TConsultation,
  TConsultationRule,
  TConsultationStepInput,
  TConsultationPlan
> = {
  workflow: consultationWorkflow,
  audit: { action: "consultation", entityType: "Consultation" },
  key: (input) => input.consultationId,
  load: loadConsultation,
  async plan({ step, entity, now }) {
    switch (step) {
      case "open": {
        // a period that began on an earlier day would be shorter than it says: change the dates first
        if (entity.opensAt < startOfChinaDay(now)) throw new FormError("consultationOpensInPast", "opensOn");
        const problem = periodProblem(entity.kind, entity.opensAt, entity.closesAt);
        if (problem) throw new FormError(problem.key, problem.field);
        return { data: { openedAt: now } };
      }
      case "close":
        // the period published is the period kept: nobody shortens it
        if (now < entity.closesAt) throw new FormError("consultationStillOpen");
        return { data: { closedAt: now } };
      case "publishFeedback":
        if (entity.pending > 0) throw new FormError("consultationPendingComments");
        if (!entity.feedback?.trim()) throw new FormError("consultationFeedbackMissing");
        return { data: { feedbackPublishedAt: now } };
    }
  },
  update: (tx, update) => tx.consultation.updateMany(update),
  // public from its opening, its feedback searchable from publication
  async record(tx, { step, entity }) {
    if (step === "open" || step === "publishFeedback")
      await refreshSearchEntry(tx, { type: "consultation", id: entity.id });
  },
  // the cached search pages list consultations: every step changes what they show
  async afterCommit() {
    contentChanged();
  },
};

/**
 * Takes one step of a consultation (consultationWorkflow): opening checks the period against the
 * kind's minimum and that it has not already begun on an earlier day, closing waits for the end
 * of the last day, and feedback is published only when every comment is moderated.
 */
export async function applyConsultationStep(input: TConsultationStepInput): Promise<void> {
  await stepEngine(consultationSteps).apply(input);
}
