import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError } from "../shared/errors";
import type { TStepRule, TWorkflow } from "./workflow";

/** What every step is asked with; each entity adds how it is named and what the step carries. */
export type TStepInput<TStep extends string> = {
  actor: TSessionUser;
  step: TStep;
  /** the version the actor saw: an entity changed since is refused (optimistic locking) */
  expectedVersion: number;
  /** why, in the actor's words: required where the step's rule `needsReason` */
  reason?: string;
  /** 补正: each missing or faulty item, a line each; required where the rule `needsMissingList` */
  missing?: string[];
  now?: Date;
} & TDbOption;

/** An entity as a step finds it: its identity, version and status, plus what its rules read. */
export type TStepEntity = { id: string; version: number; status: string };

/** What a step's own rules decide before anything is written. */
export type TStepPlan = {
  /** written by the guarded update besides the status and the version */
  data: object;
  /** added to the audit entry's `{ from, to }` */
  auditDetail?: Record<string, Prisma.InputJsonValue>;
};

/** Everything a step's hooks see: who, which step, on what, and when. */
type TStepContext<TEntity extends TStepEntity, TRule, TInput extends TStepInput<string>> = {
  prisma: PrismaClient;
  actor: TSessionUser;
  step: TInput["step"];
  rule: TRule;
  entity: TEntity;
  input: TInput;
  from: TEntity["status"];
  to: TEntity["status"];
  /** the input's reason, trimmed; null when none was given */
  reason: string | null;
  /** the input's missing items, trimmed, blank ones left out */
  missing: string[];
  now: Date;
};

type TGuardedUpdate<TEntity extends TStepEntity, TData> = {
  where: { id: string; version: number; status: TEntity["status"] };
  data: TData & { status: TEntity["status"]; version: { increment: number } };
};

/**
 * How one entity takes steps: where it lives, and the hooks for the rules that are its own. Its
 * steps are the ones its input names (`TInput["step"]`).
 */
export type TStepKind<
  TEntity extends TStepEntity,
  TRule extends TStepRule<TEntity>,
  TInput extends TStepInput<string>,
  TPlan extends TStepPlan,
> = {
  workflow: TWorkflow<TInput["step"], TEntity, TRule>;
  /** the audit log's words: `${action}.${step}` on `entityType` */
  audit: { action: string; entityType: string };
  /** how the actor named the entity (tracking number or id): what is looked up and audited */
  key: (input: TInput) => string;
  load: (prisma: PrismaClient, key: string) => Promise<TEntity | null>;
  /** the step's own checks (throwing FormError) and what its update writes; may read, never writes */
  plan: (context: TStepContext<TEntity, TRule, TInput>) => Promise<TPlan>;
  /** the updateMany on the entity's table, with the guard the engine built */
  update: (
    tx: Prisma.TransactionClient,
    update: TGuardedUpdate<TEntity, TPlan["data"]>,
    context: TStepContext<TEntity, TRule, TInput> & { plan: TPlan },
  ) => Promise<{ count: number }>;
  /** what commits with the change besides the audit entry: the event row, linked files, jobs */
  record: (
    tx: Prisma.TransactionClient,
    context: TStepContext<TEntity, TRule, TInput> & { plan: TPlan },
  ) => Promise<void>;
  /** whether a step taken is audited (default: every step) */
  audited?: (rule: TRule) => boolean;
  /** work after the commit that must not undo the change if it fails (mail, caches) */
  afterCommit?: (context: TStepContext<TEntity, TRule, TInput> & { plan: TPlan }) => Promise<void>;
};

/**
 * The engine for one entity's steps (`kind`): `prepare` makes every check a step makes before it
 * writes, `apply` takes the step.
 */
export function stepEngine<
  TEntity extends TStepEntity,
  TRule extends TStepRule<TEntity>,
  TInput extends TStepInput<string>,
  TPlan extends TStepPlan,
>(kind: TStepKind<TEntity, TRule, TInput, TPlan>) {
  /**
   * Everything a step checks before it writes, in order: the actor may take it on this entity (else,
   * audited as DENIED, not found — nothing tells them it exists), nobody changed the entity since
   * they saw it, the table opens the step from its status, the step's own rules hold (a refusal is
   * audited) and its plan. Nothing is written but the audit of a refusal: a confirmation page asks
   * this before it asks the person to confirm, so what they confirm would go through.
   */
  async function prepare(input: TInput) {
    const prisma = await clientOf(input);
    const { actor } = input;
    // the input's own steps: destructured, it would widen to the constraint's string
    const step: TInput["step"] = input.step;
    const rule = kind.workflow.steps[step];
    const key = kind.key(input);
    const action = `${kind.audit.action}.${step}`;
    const entity = await kind.load(prisma, key);
    if (!entity || !kind.workflow.actsAs(actor, rule.by, entity)) {
      throw await deniedAsNotFound(prisma, {
        actorId: actor.id,
        action,
        entityType: kind.audit.entityType,
        entityId: key,
      });
    }
    if (entity.version !== input.expectedVersion) throw new FormError("caseChanged");
    if (!rule.from.includes(entity.status)) throw new FormError("transitionNotAllowed");
    const refusal = rule.refusal?.(entity, actor);
    if (refusal) {
      // a rule of the step refused this person (the second-person rule, …): on record, with why
      await writeAudit(prisma, {
        actorId: actor.id,
        action,
        entityType: kind.audit.entityType,
        entityId: key,
        outcome: "DENIED",
        detail: { refusal },
      });
      throw new FormError(refusal);
    }

    const reason = input.reason?.trim() || null;
    if (rule.needsReason && !reason) throw new FormError("reasonRequired", "reason");
    const missing = (input.missing ?? []).map((item) => item.trim()).filter(Boolean);
    if (rule.needsMissingList && !missing.length) throw new FormError("missingListRequired", "missing");
    const to: TEntity["status"] = rule.to ?? entity.status;
    const context = {
      prisma,
      actor,
      step,
      rule,
      entity,
      input,
      from: entity.status,
      to,
      reason,
      missing,
      now: input.now ?? new Date(),
    };
    const plan = await kind.plan(context);
    return { ...context, plan, key, action };
  }

  /**
   * Applies one step of the workflow: prepare's checks, then the update guarded on id, version and
   * status, the step's records and the audit entry commit together.
   */
  async function apply(input: TInput) {
    const { key, action, ...planned } = await prepare(input);
    const { prisma, actor, rule, entity, to, plan } = planned;
    await prisma.$transaction(async (tx) => {
      const updated = await kind.update(
        tx,
        {
          where: { id: entity.id, version: entity.version, status: entity.status },
          data: { ...plan.data, status: to, version: { increment: 1 } },
        },
        planned,
      );
      if (updated.count !== 1) throw new FormError("caseChanged");
      await kind.record(tx, planned);
      if (kind.audited?.(rule) ?? true)
        await writeAudit(tx, {
          actorId: actor.id,
          action,
          entityType: kind.audit.entityType,
          entityId: key,
          detail: { from: entity.status, to, ...plan.auditDetail },
        });
    });
    await kind.afterCommit?.(planned);
    return { entity, plan, status: to, version: entity.version + 1 };
  }

  return { prepare, apply };
}
