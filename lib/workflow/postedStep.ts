import { z } from "zod";

/**
 * The fields every step posted from an entity's page carries: the entity's number, the step (one of
 * the workflow's), the version the person saw, and the "1" of the confirmation page's form.
 */
export function postedStepFields<TStep extends string>(numberPattern: RegExp, steps: readonly TStep[]) {
  return {
    trackingNumber: z.string().regex(numberPattern),
    step: z.enum(steps as [TStep, ...TStep[]]),
    expectedVersion: z.coerce.number().int().positive(),
    // sent by the confirmation page of an irreversible step
    confirmed: z.literal("1").optional(),
  };
}

/** The page a posted step goes back to: the entity's (`${page}/${number}`) when the number is one, else `list`. */
export function entityPageOf(numberPattern: RegExp, page: string, list: string) {
  return (fields: Record<string, string>) =>
    numberPattern.test(fields.trackingNumber ?? "") ? `${page}/${fields.trackingNumber}` : list;
}
