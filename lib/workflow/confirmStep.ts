import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { formReturnParam, keepFormState, returnedFormState } from "../actions/formReturn";

/** The field a confirmation page's form adds to what was first posted: the person confirmed. */
export const confirmedField = "confirmed";

/** Whether a posted step goes to the confirmation page first: it cannot be undone and is not yet confirmed. */
export function needsConfirmation(rule: { irreversible?: boolean }, confirmed: string | undefined): boolean {
  return !!rule.irreversible && confirmed !== "1";
}

/**
 * Keeps what the person posted for an irreversible step (its text: such a step carries no files)
 * and answers the path of the confirmation page (`page`) that shows it back to them. Kept like a
 * failed form's state: only for its author, for a quarter of an hour.
 */
export async function askToConfirm(
  input: { actor: TSessionUser; values: Record<string, string>; page: string } & TDbOption,
): Promise<string> {
  const values = Object.fromEntries(Object.entries(input.values).filter(([name]) => name !== confirmedField));
  const id = await keepFormState({
    actor: input.actor,
    state: { ok: true, values, fieldErrors: {} },
    db: input.db,
  });
  return `${input.page}?${formReturnParam}=${id}`;
}

/**
 * The step waiting for this person's confirmation under `id` (the page's `form` parameter): only
 * their own, kept for this entity (`trackingNumber`), and an irreversible step of the workflow —
 * anything else is null and the page sends them back to the entity.
 */
export async function stepToConfirm<TStep extends string>(
  input: {
    actor: TSessionUser;
    id: unknown;
    trackingNumber: string;
    /** the posted field that names the entity (default `trackingNumber`; a notice's is `id`) */
    keyField?: string;
    steps: Record<TStep, { irreversible?: boolean }>;
  } & TDbOption,
): Promise<{ step: TStep; values: Record<string, string> } | null> {
  const state = await returnedFormState({ actor: input.actor, id: input.id, db: input.db });
  if (!state?.ok || state.values[input.keyField ?? "trackingNumber"] !== input.trackingNumber) return null;
  const step = state.values.step;
  if (!Object.hasOwn(input.steps, step) || !input.steps[step as TStep].irreversible) return null;
  return { step: step as TStep, values: state.values };
}

/** What a step posted from an entity's page carries besides the step: the form's fields and the confirmation. */
export type TPostedStep = {
  /** "1" from the confirmation page's form */
  confirmed?: string;
  /** what was posted, as the form's fields: kept for the confirmation page */
  values: Record<string, string>;
};

/**
 * How an entity's page posts its steps, answering where the browser goes next: an irreversible step
 * not yet confirmed is checked as if taken (`check`, so what is confirmed would go through) and kept
 * for its confirmation page at `${page}/confirm`; any other is taken at once (`take`) and the page
 * says it was done.
 */
export function stepPoster<
  TStep extends string,
  TInput extends { actor: TSessionUser; step: TStep } & TDbOption,
>(how: {
  steps: Record<TStep, { irreversible?: boolean }>;
  /** the entity's page */
  page: (input: TInput) => string;
  check: (input: NoInfer<TInput> & { db: PrismaClient }) => Promise<unknown>;
  take: (input: TInput) => Promise<unknown>;
}): (input: TInput & TPostedStep) => Promise<string> {
  return async (input) => {
    const page = how.page(input);
    if (needsConfirmation(how.steps[input.step], input.confirmed)) {
      const prisma = await clientOf(input);
      await how.check({ ...input, db: prisma });
      return askToConfirm({ actor: input.actor, values: input.values, page: `${page}/confirm`, db: prisma });
    }
    await how.take(input);
    return `${page}?done=${input.step}`;
  };
}
