import "server-only";
import { randomUUID } from "node:crypto";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { TFormState } from "./formState";
import { FormError, NotFoundError } from "../shared/errors";

export { FormError };

const secretFields = /password|confirm|token|secret/i;

/** The typed values to send back with the form (never passwords). */
export function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    // a repeated name (a group of checkboxes) keeps every value, one per line
    if (typeof value === "string" && !name.startsWith("$") && !secretFields.test(name))
      values[name] = name in values ? `${values[name]}\n${value}` : value;
  }
  return values;
}

/**
 * The one wrapper for server actions that serve forms: parses FormData with the screen's zod
 * schema, runs the domain function, and turns expected failures into field errors (and
 * NotFoundError into the 404 page). Anything unexpected is logged with a reference to quote.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, formData: FormData) => Promise<TFormState | void>,
) {
  return async (_previous: TFormState, formData: FormData): Promise<TFormState> => {
    const values = keptValues(formData);
    const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fieldErrors[field] ??= issue.code === "invalid_type" ? "required" : issue.message;
      }
      return { ok: false, values, fieldErrors };
    }
    try {
      return (await run(parsed.data, formData)) ?? { ok: true, values: {}, fieldErrors: {} };
    } catch (error) {
      unstable_rethrow(error);
      // nothing the actor may see: the same 404 as for something that does not exist
      if (error instanceof NotFoundError) notFound();
      if (error instanceof FormError) {
        return error.field
          ? { ok: false, values, fieldErrors: { [error.field]: error.key } }
          : { ok: false, values, fieldErrors: {}, formError: error.key };
      }
      const reference = randomUUID().slice(0, 8);
      console.error(`[form action ${reference}]`, error);
      return { ok: false, values, fieldErrors: {}, formError: "unexpected", reference };
    }
  };
}
