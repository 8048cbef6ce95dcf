import type { TSessionUser } from "../auth/types";

/** What every entity under a workflow has: the status its steps move it between. */
export type TWorkflowSubject = { status: string };

/** One row of a workflow table. */
export type TStepRule<TSubject extends TWorkflowSubject, TBy extends string = string> = {
  /** the statuses the step may be taken from */
  from: readonly TSubject["status"][];
  /** the status it leads to; null keeps the status (the step only records an event) */
  to: TSubject["status"] | null;
  /** who takes it, as the workflow's `actsAs` understands it */
  by: TBy;
  /**
   * A rule of the step that the entity's own facts break, as an errors-namespace key (null when
   * none): pure, so a page asks it before offering the step and the step engine before taking it.
   */
  refusal?: (subject: TSubject, actor: TSessionUser) => string | null;
  /**
   * The step cannot be undone (不予受理, 不予许可, 撤回, …): a page shows it as a warning and asks
   * the person to confirm it on a second page before it is taken.
   */
  irreversible?: boolean;
  /**
   * A reason must be given (the applicant or writer reads it): the engine refuses the step
   * without one, and a page marks its reason field as required.
   */
  needsReason?: boolean;
  /**
   * A list of what is missing or faulty must be given (补正: the applicant is told everything to
   * correct at once, 行政许可法 Art. 32 and 政府信息公开条例 Art. 30).
   */
  needsMissingList?: boolean;
};

/**
 * 补正: whoever handles the entity asks, from one of `from`, for everything missing or faulty at
 * once (a list is required), and the entity waits in SUPPLEMENT for the applicant's answer.
 */
export function supplementRequest<const TStatus extends string, const TBy extends string>(
  from: readonly TStatus[],
  by: TBy,
) {
  return { from, to: "SUPPLEMENT" as const, by, needsMissingList: true };
}

/** 撤回: the applicant withdraws while the entity is in one of `from`; it cannot be undone. */
export function withdrawal<const TStatus extends string>(from: readonly TStatus[]) {
  return { from, to: "WITHDRAWN" as const, by: "applicant" as const, irreversible: true };
}

/**
 * A state machine as data: every step with where it starts, where it leads and who takes it,
 * plus the one answer to "does this actor act as `by` on this entity?".
 */
export type TWorkflow<
  TStep extends string,
  TSubject extends TWorkflowSubject,
  TRule extends TStepRule<TSubject> = TStepRule<TSubject>,
> = {
  steps: Record<TStep, TRule>;
  actsAs: (actor: TSessionUser, by: TRule["by"], subject: TSubject) => boolean;
  /**
   * the way forward from a status: the one step (a name in `steps`, opened from that status — the
   * workflow tests check) a page offers as its primary action there
   */
  primary?: Partial<Record<TSubject["status"], string>>;
};

/** How a page shows a step: the way forward, another step, or one that cannot be undone. */
export type TStepTone = "primary" | "secondary" | "warning";

/** A step's tone on an entity in `status`: irreversible steps warn, the status's way forward leads. */
export function stepTone<
  TStep extends string,
  TSubject extends TWorkflowSubject,
  TRule extends TStepRule<TSubject>,
>(workflow: TWorkflow<TStep, TSubject, TRule>, step: TStep, status: TSubject["status"]): TStepTone {
  if (workflow.steps[step].irreversible) return "warning";
  return workflow.primary?.[status] === step ? "primary" : "secondary";
}

const toneOrder: Record<TStepTone, number> = { primary: 0, secondary: 1, warning: 2 };

/** Steps in the order a page lists them: the way forward first, irreversible ones last. */
export function byTone<
  TStep extends string,
  TSubject extends TWorkflowSubject,
  TRule extends TStepRule<TSubject>,
>(workflow: TWorkflow<TStep, TSubject, TRule>, steps: readonly TStep[], status: TSubject["status"]): TStep[] {
  return [...steps].sort(
    (a, b) => toneOrder[stepTone(workflow, a, status)] - toneOrder[stepTone(workflow, b, status)],
  );
}

/**
 * A workflow's `actsAs` from one check a party of its table (`by`): the compiler holds every party
 * to a check, and each reads on its own.
 */
export function byParty<TBy extends string, TSubject>(
  checks: Record<TBy, (actor: TSessionUser, subject: NoInfer<TSubject>) => boolean>,
): (actor: TSessionUser, by: TBy, subject: TSubject) => boolean {
  return (actor, by, subject) => checks[by](actor, subject);
}

/** Whether the actor is the entity's applicant of record (an anonymous filing has none). */
export function isApplicant(actor: TSessionUser, subject: { applicantId: string | null }): boolean {
  return subject.applicantId !== null && subject.applicantId === actor.id;
}

/** Every step of a workflow, in the table's order. */
export function stepNames<TStep extends string>(workflow: { steps: Record<TStep, unknown> }): TStep[] {
  return Object.keys(workflow.steps) as TStep[];
}

/** The steps the table opens from a status to one side, whoever the actor is. */
export function stepsFrom<TStep extends string, TRule extends { from: readonly string[]; by: string }>(
  workflow: { steps: Record<TStep, TRule> },
  status: string,
  by: TRule["by"],
): TStep[] {
  return stepNames(workflow).filter(
    (name) => workflow.steps[name].by === by && workflow.steps[name].from.includes(status),
  );
}

/**
 * The steps open to this actor on this entity now (its status and who they are), each with the
 * rule of the step that refuses it, if any — for a page that explains why a step is not offered.
 */
export function openSteps<
  TStep extends string,
  TSubject extends TWorkflowSubject,
  TRule extends TStepRule<TSubject>,
>(
  workflow: TWorkflow<TStep, TSubject, TRule>,
  actor: TSessionUser,
  subject: TSubject,
): { step: TStep; refusal: string | null }[] {
  return stepNames(workflow)
    .filter((name) => {
      const rule = workflow.steps[name];
      return rule.from.includes(subject.status) && workflow.actsAs(actor, rule.by, subject);
    })
    .map((name) => ({ step: name, refusal: workflow.steps[name].refusal?.(subject, actor) ?? null }));
}

/** The steps this actor may take on this entity now: what a page offers, in the table's order. */
export function allowedSteps<
  TStep extends string,
  TSubject extends TWorkflowSubject,
  TRule extends TStepRule<TSubject>,
>(workflow: TWorkflow<TStep, TSubject, TRule>, actor: TSessionUser, subject: TSubject): TStep[] {
  return openSteps(workflow, actor, subject)
    .filter((open) => !open.refusal)
    .map((open) => open.step);
}
